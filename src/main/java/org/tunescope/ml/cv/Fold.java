package org.tunescope.ml.cv;

/** One split of the rows: the model trains on {@code train} and is validated on {@code validation}. */
public record Fold(int[] train, int[] validation) {
}

/**
 * Preprocessing learned from a fold's training rows only: median/mode imputation, one-hot encoding and
 * standardisation for the models that need it.
 */
package org.tunescope.ml.prep;

package org.tunescope.engine.study;

/** Derives independent, well-mixed seeds from a study seed, so trial n's randomness depends on n alone. */
public final class Seeds {

  private Seeds() {
  }

  /** A seed for stream {@code index} of {@code seed} (SplitMix64 finaliser over both). */
  public static long derive(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + (index + 1) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Shuffles {@code a} in place (Fisher-Yates, from the last position down). */
  public static void shuffle(int[] a, java.util.random.RandomGenerator random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }
}

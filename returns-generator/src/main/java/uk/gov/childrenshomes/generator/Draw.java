package uk.gov.childrenshomes.generator;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws from the distributions the generator needs, on a given stream. */
public final class Draw {

    private Draw() {
    }

    public static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    /** Index {@code i} with probability {@code weights[i] / sum(weights)}. */
    public static int weighted(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A code from parallel arrays of codes and weights. */
    public static String code(SplittableRandom random, String[] codes, double[] weights) {
        return codes[weighted(random, weights)];
    }

    public static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default, which is slow.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    public static double logNormal(SplittableRandom random, double median, double sigma) {
        return median * Math.exp(sigma * gaussian(random));
    }

    /** A fixed discrete distribution over indices {@code 0..n-1}, drawn in O(log n): for large, reused weight sets. */
    public static final class Table {
        private final double[] cumulative;

        public Table(double[] weights) {
            cumulative = new double[weights.length];
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                total += weights[i];
                cumulative[i] = total;
            }
            for (int i = 0; i < weights.length; i++) {
                cumulative[i] /= total;
            }
        }

        public int sample(SplittableRandom random) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(index >= 0 ? index + 1 : -index - 1, cumulative.length - 1);
        }
    }

    /** A heavy-tailed count in {@code 1..max}: P(n) proportional to n^-exponent (a truncated zeta distribution). */
    public static Table zipf(double exponent, int max) {
        double[] weights = new double[max];
        for (int n = 1; n <= max; n++) {
            weights[n - 1] = Math.pow(n, -exponent);
        }
        return new Table(weights);
    }
}

package uk.gov.childrenshomes.generator;

import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams derived from the run's seed. Every LA and every purpose gets its own
 * stream, keyed by name, so that an LA's data do not change when other LAs are added or left out ({@code --la}),
 * and the national reference files do not change with the LA selection.
 */
public final class RandomStreams {

    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The stream for {@code purpose} (e.g. "geography", "E06000001/care"): the same name gives the same stream. */
    public SplittableRandom stream(String purpose) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < purpose.length(); i++) {
            h = mix(h + purpose.charAt(i));
        }
        return new SplittableRandom(mix(h));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

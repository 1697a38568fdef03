package uk.gov.childrenshomes.generator;

import java.util.SplittableRandom;

/**
 * An LA's child identifiers: distinct, random-looking, seven digits after an optional prefix. The i-th identifier
 * is {@code (a * i + b) mod 2^23}, a bijection for odd {@code a}, so no set of issued IDs has to be kept.
 */
public final class ChildIds {

    private static final int MASK = (1 << 23) - 1;

    private final String prefix;
    private final long multiplier;
    private final long offset;
    private int issued;

    public ChildIds(String prefix, SplittableRandom random) {
        this.prefix = prefix;
        this.multiplier = random.nextLong(1L << 22) * 2 + 1;
        this.offset = random.nextLong(1L << 23);
    }

    public String next() {
        if (issued > MASK) {
            throw new IllegalStateException("more than 2^23 children in one LA");
        }
        return prefix + (1_000_000 + ((multiplier * issued++ + offset) & MASK));
    }
}

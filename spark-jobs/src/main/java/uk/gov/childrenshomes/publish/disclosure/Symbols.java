package uk.gov.childrenshomes.publish.disclosure;

import java.util.Set;

/** The EES symbols a published indicator cell may hold instead of a number. */
public final class Symbols {

    /** Suppressed to protect confidentiality. */
    public static final String SUPPRESSED = "c";
    /** Not applicable (e.g. a percentage of zero, a median of no values). */
    public static final String NOT_APPLICABLE = "z";
    /** Unavailable: the LA sent no accepted return for the year. */
    public static final String UNAVAILABLE = "x";
    /** A positive percentage that rounds to zero. */
    public static final String LOW = "k";

    /** Every symbol EES accepts in an indicator cell. */
    public static final Set<String> ACCEPTED = Set.of(SUPPRESSED, NOT_APPLICABLE, UNAVAILABLE, LOW, "low", "u");

    private Symbols() {
    }
}

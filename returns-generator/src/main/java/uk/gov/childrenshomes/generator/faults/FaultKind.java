package uk.gov.childrenshomes.generator.faults;

/**
 * The kinds of fault the generator injects, as {@code faults.csv} names them (lower snake case). The rule an
 * ingest should report each under depends on the file, and is recorded with each fault.
 */
public enum FaultKind {
    /** A date or date-time that is not a real date in the required format. */
    INVALID_DATE,
    /** An end (DEC, MIS_END) before its start. */
    END_BEFORE_START,
    /** A code outside the allowed list. */
    UNKNOWN_CODE,
    /** A required field left blank. */
    BLANK_REQUIRED,
    /** An episode starting before the child's previous episode ended. */
    OVERLAPPING_EPISODES,
    /** A missing period starting before the child's previous one ended. */
    OVERLAPPING_MISSING,
    /** A children's home placement (K2) without a URN. */
    K2_WITHOUT_URN,
    /** A URN that is not on the Ofsted register. */
    UNKNOWN_URN,
    /** A postcode that does not have the shape of a UK postcode. */
    MALFORMED_POSTCODE,
    /** An exact copy of the row before it. */
    DUPLICATE_ROW,
    /** An episode whose CHILD is not in the header. */
    CHILD_NOT_IN_HEADER,
    /** A return interview recorded as held although the child declined it. */
    RHI_INCONSISTENT;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

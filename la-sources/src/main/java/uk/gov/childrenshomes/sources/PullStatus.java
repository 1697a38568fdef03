package uk.gov.childrenshomes.sources;

/** The outcome of pulling one LA return. */
public enum PullStatus {
    /** At least one new or changed file was placed in the inbox. */
    DELIVERED,
    /** The server has nothing the inbox does not already have. */
    UNCHANGED,
    /** The LA sends to the inbox itself. */
    NOTHING_TO_PULL,
    /** The pull stopped; the reason says why. Files delivered before the failure are still listed. */
    FAILED
}

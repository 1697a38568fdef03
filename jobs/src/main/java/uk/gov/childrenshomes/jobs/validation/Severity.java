package uk.gov.childrenshomes.jobs.validation;

/** What a finding does to the row it is about. */
public enum Severity {
    /** The row is rejected (for a file rule: the file, and with it the submission). */
    ERROR,
    /** The row is loaded and flagged for the LA to check. */
    QUERY;

    public String code() {
        return name().toLowerCase();
    }
}

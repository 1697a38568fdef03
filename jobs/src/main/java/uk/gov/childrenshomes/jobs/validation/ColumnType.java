package uk.gov.childrenshomes.jobs.validation;

/** How a column's text is checked and what it becomes in its landing column. */
public enum ColumnType {
    /** The LA's child ID: checked, then replaced by its keyed hash before it is written anywhere. */
    CHILD_ID,
    TEXT,
    /** One of the spec's code list for the collection year, case-sensitive. */
    CODE,
    /** dd/mm/yyyy. */
    DATE,
    /** dd/mm/yyyy HH:MM (24-hour clock, UK local time). */
    DATETIME,
    INTEGER,
    /** A UK postcode, normalised to upper case with one space before the inward code. */
    POSTCODE
}

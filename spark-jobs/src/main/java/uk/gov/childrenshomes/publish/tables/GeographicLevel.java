package uk.gov.childrenshomes.publish.tables;

/** The EES geographic levels a data pack table publishes, in publication order. */
public enum GeographicLevel {
    NATIONAL("National"),
    REGIONAL("Regional"),
    LOCAL_AUTHORITY("Local authority");

    public static final String ENGLAND_CODE = "E92000001";
    public static final String ENGLAND_NAME = "England";

    private final String label;

    GeographicLevel(String label) {
        this.label = label;
    }

    /** The value of the EES geographic_level column. */
    public String label() {
        return label;
    }

    public static GeographicLevel fromLabel(String label) {
        for (GeographicLevel level : values()) {
            if (level.label.equals(label)) {
                return level;
            }
        }
        throw new IllegalArgumentException("Unknown geographic level: " + label);
    }
}

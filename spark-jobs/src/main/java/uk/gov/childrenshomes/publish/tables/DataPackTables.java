package uk.gov.childrenshomes.publish.tables;

import java.util.List;

/** The tables of the extended data pack (shared/docs/datapack.md), each one definition for the common engine. */
public final class DataPackTables {

    public static final String PLACEMENT_GROUP = "placement_group";
    public static final String LOCALITY = "locality";
    public static final String DISTANCE_BAND = "distance_band";

    /**
     * How many looked-after children live outside their council's boundary, and how far from home. Units are
     * children looked after at 31 March (short breaks excluded), one per responsible LA and year.
     */
    public static final TableDefinition PLACEMENT_LOCATION = new TableDefinition(
            "placement_location",
            "Children looked after at 31 March by placement group, locality and distance from home",
            "ssda903",
            "child_key",
            List.of(
                    new Filter(PLACEMENT_GROUP, "Placement group", "Children's homes are PLACE codes K1 and K2",
                            List.of("Children's homes (K1, K2)", "Foster care", "Other")),
                    new Filter(LOCALITY, "Placement locality", "Inside or outside the responsible LA's boundary",
                            List.of("Inside boundary", "Outside boundary", "Not known")),
                    new Filter(DISTANCE_BAND, "Distance from home", "Straight-line distance from home to placement",
                            List.of("20 miles or less", "Over 20 miles", "Not known"))),
            List.of(
                    Indicator.count("children_at_31_march", "Children looked after at 31 March", null),
                    Indicator.percent("percent_of_placement_group", "Percent of children in the placement group",
                            "children_at_31_march", "children_at_31_march", List.of(LOCALITY, DISTANCE_BAND)),
                    Indicator.median("median_distance_miles", "Median distance from home in miles",
                            "distance_tenths_of_mile", 1)));

    /** Every table a release publishes, in publication order. */
    public static final List<TableDefinition> ALL = List.of(PLACEMENT_LOCATION);

    private DataPackTables() {
    }
}

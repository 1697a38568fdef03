package uk.gov.childrenshomes.publish.tables;

import java.util.List;

/**
 * The tables of the extended data pack (shared/docs/datapack.md), each one definition for the common engine. The
 * unit frame of each (one row per child, home, placement or incident) is read by
 * {@link uk.gov.childrenshomes.publish.warehouse.CoreFacts}; its columns are the names used here.
 */
public final class DataPackTables {

    public static final String PLACEMENT_GROUP = "placement_group";
    public static final String LOCALITY = "locality";
    public static final String DISTANCE_BAND = "distance_band";
    public static final String SECTOR = "sector";
    public static final String HOME_TYPE = "home_type";
    public static final String OVERALL_EFFECTIVENESS = "overall_effectiveness";
    public static final String PLACING_RELATION = "placing_relation";
    public static final String HOST_REGION = "host_region";
    public static final String HOST_LA = "host_la";
    public static final String DISTANCE_TYPE = "distance_type";
    public static final String MISSING_FROM = "missing_from";
    public static final String CARE_LOCATION = "care_location";
    public static final String MISSING_TYPE = "missing_type";

    public static final String CHILDRENS_HOMES_GROUP = "Children's homes (K1, K2)";
    public static final String PLACED_BY_THIS_LA = "Placed by this LA";
    public static final String PLACED_BY_ANOTHER_LA = "Placed by another LA";

    private static final Filter PLACEMENT_GROUP_FILTER = new Filter(PLACEMENT_GROUP, "Placement group",
            "Children's homes are PLACE codes K1 and K2", List.of(CHILDRENS_HOMES_GROUP, "Foster care", "Other"));
    private static final Filter MISSING_FROM_FILTER = new Filter(MISSING_FROM, "Missing from",
            "Whether the child went missing from home or from care", List.of("Home", "Care"));
    private static final Filter CARE_LOCATION_FILTER = new Filter(CARE_LOCATION, "Care location",
            "Where a child missing from care was placed; not applicable to children missing from home",
            List.of("In area", "Out of area", "Not applicable"));

    /** Where the children's homes are, who runs them, how good they are. Units: homes on the Ofsted register in the year. */
    public static final TableDefinition HOMES_BY_AREA = new TableDefinition(
            "homes_by_area",
            "Children's homes and places by area, sector, type and Ofsted judgement",
            "ofsted_register",
            "urn",
            List.of(
                    new Filter(SECTOR, "Sector", "Who runs the home (Ofsted's sector)",
                            List.of("Local authority", "Private", "Voluntary", "Health authority", "Not known")),
                    new Filter(HOME_TYPE, "Home type", "Secure children's homes restrict liberty",
                            List.of("Children's home", "Secure children's home")),
                    new Filter(OVERALL_EFFECTIVENESS, "Ofsted overall effectiveness", "Latest full inspection",
                            List.of("Outstanding", "Good", "Requires improvement", "Inadequate", "Not yet inspected"))),
            List.of(
                    Indicator.publicCountOf("homes_at_31_march", "Homes open at 31 March", "is_open_at_31_march", null),
                    Indicator.publicSum("places_at_31_march", "Places in homes open at 31 March", null,
                            "places_at_31_march"),
                    Indicator.publicCountOf("homes_opened", "Homes registered in the year", "opened_in_year", null),
                    Indicator.publicCountOf("homes_closed", "Homes closed in the year", "closed_in_year", null)),
            TableDefinition.Grid.COMPLETE);

    /**
     * Who lives in the homes of each area and who placed them there. Units: children in children's homes at 31
     * March, each counted once where the home is (host) and once for the LA that placed them (placing).
     */
    public static final TableDefinition CHILDREN_IN_HOMES_BY_AREA = new TableDefinition(
            "children_in_homes_by_area",
            "Children in children's homes at 31 March by the area of the home and the placing authority",
            "ssda903",
            "child_key",
            List.of(new Filter(PLACING_RELATION, "Placing authority relation",
                    "Whether the home is in the area of the LA that placed the child; not known when the home's area is not known",
                    List.of(PLACED_BY_THIS_LA, PLACED_BY_ANOTHER_LA, "Not known"))),
            List.of(
                    Indicator.count("children_in_homes_in_area", "Children in homes in the area at 31 March", "in_area"),
                    Indicator.percent("percent_of_children_in_area", "Percent of the children in homes in the area",
                            "children_in_homes_in_area", "children_in_homes_in_area", List.of(PLACING_RELATION)),
                    Indicator.count("children_placed_in_homes", "Children this LA placed in homes at 31 March",
                            "placed_by_area"),
                    Indicator.percent("percent_of_children_placed", "Percent of the children this LA placed in homes",
                            "children_placed_in_homes", "children_placed_in_homes", List.of(PLACING_RELATION))),
            TableDefinition.Grid.COMPLETE);

    /** Which authorities place children in which areas' homes. Units: children in children's homes at 31 March. */
    public static final TableDefinition HOME_PLACEMENTS_FLOW = new TableDefinition(
            "home_placements_flow",
            "Children in children's homes at 31 March by placing area and the area of the home",
            "ssda903",
            "child_key",
            List.of(new Filter(HOST_REGION, "Region of the home", "Region the home is in", List.of()),
                    new Filter(HOST_LA, "LA of the home", "LA the home is in, as operating in the year", List.of(),
                            HOST_REGION)),
            List.of(Indicator.count("children_in_homes", "Children in children's homes at 31 March", null)),
            TableDefinition.Grid.OBSERVED);

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
                    PLACEMENT_GROUP_FILTER,
                    new Filter(LOCALITY, "Placement locality", "Inside or outside the responsible LA's boundary",
                            List.of("Inside boundary", "Outside boundary", "Not known")),
                    new Filter(DISTANCE_BAND, "Distance from home", "Straight-line distance from home to placement",
                            List.of("20 miles or less", "Over 20 miles", "Not known"))),
            List.of(
                    Indicator.count("children_at_31_march", "Children looked after at 31 March", null),
                    Indicator.percent("percent_of_placement_group", "Percent of children in the placement group",
                            "children_at_31_march", "children_at_31_march", List.of(LOCALITY, DISTANCE_BAND)),
                    Indicator.median("median_distance_miles", "Median distance from home in miles",
                            "distance_tenths_of_mile", 1)),
            TableDefinition.Grid.COMPLETE);

    /**
     * Whether out-of-area placements were approved and notified as the 2014 rules require. Units: out-of-area
     * placements started in the year (oversight return).
     */
    public static final TableDefinition OUT_OF_AREA_OVERSIGHT = new TableDefinition(
            "out_of_area_oversight",
            "Out-of-area placements started in the year: approval and notification",
            "oversight",
            "out_of_area_placement_key",
            List.of(PLACEMENT_GROUP_FILTER,
                    new Filter(DISTANCE_TYPE, "Distance type",
                            "At a distance: outside the responsible LA and not in an adjoining LA",
                            List.of("Adjoining LA", "At a distance"))),
            List.of(
                    Indicator.count("placements_started", "Out-of-area placements started", null),
                    Indicator.count("approved", "Approved by a nominated officer", "is_approved"),
                    Indicator.percent("percent_approved", "Percent approved by a nominated officer",
                            "approved", "placements_started", List.of()),
                    Indicator.count("placements_at_a_distance", "Placements at a distance", "is_at_a_distance"),
                    Indicator.count("approved_by_dcs", "Placements at a distance approved by the DCS",
                            "is_at_a_distance_approved_by_dcs"),
                    Indicator.percent("percent_approved_by_dcs", "Percent of placements at a distance approved by the DCS",
                            "approved_by_dcs", "placements_at_a_distance", List.of()),
                    Indicator.count("host_notified", "Host authority notified", "host_notified"),
                    Indicator.percent("percent_host_notified", "Percent with the host authority notified",
                            "host_notified", "placements_started", List.of()),
                    Indicator.count("host_notified_in_time", "Host authority notified within 5 working days",
                            "host_notified_in_time"),
                    Indicator.percent("percent_host_notified_in_time", "Percent with the host notified within 5 working days",
                            "host_notified_in_time", "placements_started", List.of()),
                    Indicator.count("placements_in_childrens_homes", "Placements in children's homes (K1, K2)",
                            "is_in_childrens_home"),
                    Indicator.count("admission_notified", "Admission notified by the home", "admission_notified"),
                    Indicator.percent("percent_admission_notified", "Percent of placements in homes with admission notified",
                            "admission_notified", "placements_in_childrens_homes", List.of())),
            TableDefinition.Grid.COMPLETE);

    /** How many children go missing, and from where. Units: missing incidents starting in the year. */
    public static final TableDefinition MISSING_INCIDENTS = new TableDefinition(
            "missing_incidents",
            "Missing incidents starting in the year by where the child went missing from",
            "missing",
            "missing_incident_key",
            List.of(MISSING_FROM_FILTER, CARE_LOCATION_FILTER,
                    new Filter(MISSING_TYPE, "Type", "Missing: whereabouts unknown; away: whereabouts known, without authorisation",
                            List.of("Missing", "Away without authorisation"))),
            List.of(
                    Indicator.count("incidents", "Missing incidents", null),
                    Indicator.countOf("children", "Children with a missing incident", null, "child_key"),
                    Indicator.median("median_duration_hours", "Median duration in hours of ended incidents",
                            "duration_seconds", 3600, 1)),
            TableDefinition.Grid.COMPLETE);

    /** Whether children are offered, and given, an independent return interview in time. Units: missing incidents. */
    public static final TableDefinition RETURN_INTERVIEWS = new TableDefinition(
            "return_interviews",
            "Return interviews offered, accepted and completed after missing incidents starting in the year",
            "missing",
            "missing_incident_key",
            List.of(MISSING_FROM_FILTER, CARE_LOCATION_FILTER),
            List.of(
                    Indicator.count("incidents", "Missing incidents", null),
                    Indicator.count("interviews_offered", "Return interviews offered", "rhi_offered"),
                    Indicator.percent("percent_offered", "Percent of incidents with an interview offered",
                            "interviews_offered", "incidents", List.of()),
                    Indicator.count("interviews_accepted", "Return interviews accepted", "rhi_accepted"),
                    Indicator.percent("percent_accepted", "Percent of offered interviews accepted",
                            "interviews_accepted", "interviews_offered", List.of()),
                    Indicator.count("interviews_completed", "Return interviews completed", "rhi_completed"),
                    Indicator.count("completed_within_72_hours", "Interviews completed within 72 hours of return",
                            "rhi_within_72_hours"),
                    Indicator.percent("percent_within_72_hours", "Percent of completed interviews within 72 hours",
                            "completed_within_72_hours", "interviews_completed", List.of()),
                    Indicator.count("interviews_declined", "Return interviews declined", "rhi_declined")),
            TableDefinition.Grid.COMPLETE);

    /**
     * Which councils offer return interviews to children missing from home as well as from care. Units: missing
     * incidents; councils are counted by their code as operating in the year.
     */
    public static final TableDefinition RETURN_INTERVIEW_OFFER_BY_LA = new TableDefinition(
            "return_interview_offer_by_la",
            "Councils offering return interviews, by where children went missing from",
            "missing",
            "missing_incident_key",
            List.of(MISSING_FROM_FILTER),
            List.of(
                    Indicator.count("incidents", "Missing incidents", null),
                    Indicator.count("incidents_offered", "Incidents with a return interview offered", "rhi_offered"),
                    Indicator.percent("percent_incidents_offered", "Percent of incidents with an interview offered",
                            "incidents_offered", "incidents", List.of()),
                    Indicator.publicCountOf("las_with_incidents", "Councils with any incident", null, Aggregation.SOURCE_LA),
                    Indicator.publicCountOf("las_offering_interviews", "Councils offering return interviews",
                            "rhi_offered", Aggregation.SOURCE_LA),
                    Indicator.percent("percent_las_offering_interviews", "Percent of councils with incidents offering interviews",
                            "las_offering_interviews", "las_with_incidents", List.of())),
            TableDefinition.Grid.COMPLETE);

    /** Every table a release publishes, in publication order. */
    public static final List<TableDefinition> ALL = List.of(HOMES_BY_AREA, CHILDREN_IN_HOMES_BY_AREA,
            HOME_PLACEMENTS_FLOW, PLACEMENT_LOCATION, OUT_OF_AREA_OVERSIGHT, MISSING_INCIDENTS, RETURN_INTERVIEWS,
            RETURN_INTERVIEW_OFFER_BY_LA);

    private DataPackTables() {
    }
}

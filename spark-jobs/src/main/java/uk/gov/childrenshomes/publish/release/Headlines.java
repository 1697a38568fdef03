package uk.gov.childrenshomes.publish.release;

import uk.gov.childrenshomes.publish.ees.EesTable;
import uk.gov.childrenshomes.publish.tables.DataPackTables;

import java.util.List;
import java.util.Map;

/**
 * The headline figures of a release for England in its reporting year, as published (rounded, with symbols): shown
 * at the top of index.html and in the summary the CLI prints.
 */
public record Headlines(String childrenLookedAfter, String percentOutsideBoundary, String percentInHomesOutsideBoundary,
                        String homes, String places, String missingIncidents, String percentIncidentsOffered,
                        String percentCouncilsOfferingHome) {

    public static Headlines of(List<EesTable> tables, int year) {
        return of(new PublishedCells(tables, year));
    }

    static Headlines of(PublishedCells published) {
        Map<String, String> outside = Map.of(DataPackTables.LOCALITY, "Outside boundary");
        return new Headlines(
                published.national(DataPackTables.PLACEMENT_LOCATION, Map.of(), "children_at_31_march"),
                published.national(DataPackTables.PLACEMENT_LOCATION, outside, "percent_of_placement_group"),
                published.national(DataPackTables.PLACEMENT_LOCATION, Map.of(DataPackTables.LOCALITY, "Outside boundary",
                        DataPackTables.PLACEMENT_GROUP, DataPackTables.CHILDRENS_HOMES_GROUP), "percent_of_placement_group"),
                published.national(DataPackTables.HOMES_BY_AREA, Map.of(), "homes_at_31_march"),
                published.national(DataPackTables.HOMES_BY_AREA, Map.of(), "places_at_31_march"),
                published.national(DataPackTables.MISSING_INCIDENTS, Map.of(), "incidents"),
                published.national(DataPackTables.RETURN_INTERVIEWS, Map.of(), "percent_offered"),
                published.national(DataPackTables.RETURN_INTERVIEW_OFFER_BY_LA,
                        Map.of(DataPackTables.MISSING_FROM, "Home"), "percent_las_offering_interviews"));
    }

    /** The figures in a few lines of text. */
    public List<String> lines() {
        return List.of(
                childrenLookedAfter + " children looked after at 31 March; " + IndexPage.percent(percentOutsideBoundary)
                        + " outside their council's boundary (" + IndexPage.percent(percentInHomesOutsideBoundary)
                        + " of those in children's homes)",
                homes + " children's homes open at 31 March with " + places + " places",
                missingIncidents + " missing incidents; " + IndexPage.percent(percentIncidentsOffered)
                        + " offered a return interview; " + IndexPage.percent(percentCouncilsOfferingHome)
                        + " of councils offer them to children missing from home");
    }
}

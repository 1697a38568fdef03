package uk.gov.childrenshomes.generator.ssda903;

import java.util.List;

/**
 * Everything an LA's SSDA903 return holds about one child, except missing periods (which the missing generator
 * derives from the episodes).
 *
 * @param header     the header row
 * @param episodes   episodes open during the year, in date order (none for a care leaver reported in OC3 only)
 * @param details    rows of the other tables (uasc, reviews, oc2, oc3, ad1, placed_for_adoption,
 *                   previous_permanence, sw_episodes)
 */
public record ChildRecord(ChildHeader header, List<Episode> episodes, List<Ssda903Row> details) {

    public String child() {
        return header.child();
    }

    /** Looked after only under short-break series: excluded from placement counts downstream. */
    public boolean onlyShortBreaks() {
        return !episodes.isEmpty() && episodes.stream().allMatch(Episode::shortBreak);
    }
}

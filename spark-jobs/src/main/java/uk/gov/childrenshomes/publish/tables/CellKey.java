package uk.gov.childrenshomes.publish.tables;

import java.util.ArrayList;
import java.util.List;

/** Identifies one published row: year, geography and one level of each filter (in the table's filter order). */
public record CellKey(int timePeriod, GeographicLevel level, String areaCode, List<String> filterLevels) {

    public CellKey {
        filterLevels = List.copyOf(filterLevels);
    }

    /** The same row with the filter at {@code filterIndex} set to {@code level}. */
    public CellKey withFilterLevel(int filterIndex, String level) {
        List<String> levels = new ArrayList<>(filterLevels);
        levels.set(filterIndex, level);
        return new CellKey(timePeriod, this.level, areaCode, levels);
    }
}

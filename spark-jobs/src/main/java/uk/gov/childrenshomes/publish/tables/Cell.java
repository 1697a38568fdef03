package uk.gov.childrenshomes.publish.tables;

import java.util.Map;

/**
 * One aggregated row before disclosure control: unrounded counts, medians (in units of 10^-dp, null when no
 * values) with the number of values behind each, and whether the figures exist at all (an LA row is unavailable
 * when the LA sent no accepted return).
 */
public record Cell(CellKey key, boolean available, Map<String, Long> counts, Map<String, Double> medians,
                   Map<String, Long> medianBases) {

    public Cell {
        counts = Map.copyOf(counts);
        medians = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(medians)); // values may be null
        medianBases = Map.copyOf(medianBases);
    }

    public long count(String indicator) {
        Long value = counts.get(indicator);
        if (value == null) {
            throw new IllegalArgumentException("No count " + indicator + " in " + key);
        }
        return value;
    }
}

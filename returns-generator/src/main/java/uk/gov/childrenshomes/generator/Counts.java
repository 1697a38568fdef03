package uk.gov.childrenshomes.generator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named counts, in a fixed order so that generation.json lists them the same way for every LA and run. */
public final class Counts {

    private final Map<String, Long> values = new LinkedHashMap<>();

    /** Counts of {@code names}, all 0, in that order. */
    public Counts(List<String> names) {
        names.forEach(name -> values.put(name, 0L));
    }

    public void add(String name, long amount) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("not a count: " + name);
        }
        values.merge(name, amount, Long::sum);
    }

    public void increment(String name) {
        add(name, 1);
    }

    /** Adds every count of {@code other} to this one. */
    public void addAll(Counts other) {
        other.values.forEach(this::add);
    }

    /** The count, 0 if never counted. */
    public long get(String name) {
        return values.getOrDefault(name, 0L);
    }

    public Map<String, Long> asMap() {
        return Collections.unmodifiableMap(values);
    }
}

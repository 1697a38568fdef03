package uk.gov.childrenshomes.jobs.ingest;

import uk.gov.childrenshomes.jobs.validation.ColumnSpecification;
import uk.gov.childrenshomes.jobs.validation.TableSpecification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each specified column is in a file's header row. Names match ignoring case, surrounding spaces, a stray
 * byte-order mark and runs of inner spaces, which is unambiguous; anything else is reported. A column absent from
 * the header is {@code missing} unless it is optional in a third-party layout ({@code optionalMayBeAbsent}).
 */
record HeaderMapping(int[] positions, int width, List<String> missing, List<String> unexpected, List<String> duplicated) {

    static HeaderMapping of(List<String> header, TableSpecification table, boolean optionalMayBeAbsent) {
        Map<String, Integer> positionByName = new HashMap<>();
        List<String> duplicated = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = normalise(header.get(i));
            if (name.isEmpty()) {
                continue;
            }
            if (positionByName.putIfAbsent(name, i) != null) {
                duplicated.add(header.get(i).strip());
            }
        }
        int[] positions = new int[table.columns().size()];
        List<String> missing = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (int c = 0; c < positions.length; c++) {
            ColumnSpecification column = table.columns().get(c);
            positions[c] = -1;
            for (String name : column.names()) {
                Integer position = positionByName.get(normalise(name));
                if (position != null) {
                    positions[c] = position;
                    known.add(normalise(name));
                    break;
                }
            }
            if (positions[c] < 0 && (column.required() || !optionalMayBeAbsent)) {
                missing.add(column.name());
            }
        }
        List<String> unexpected = header.stream().filter(cell -> !normalise(cell).isEmpty())
                .filter(cell -> !known.contains(normalise(cell))).map(String::strip).toList();
        return new HeaderMapping(positions, header.size(), missing, unexpected, duplicated);
    }

    static String normalise(String name) {
        return name.replace("\uFEFF", "").strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}

package uk.gov.childrenshomes.publish.release;

import uk.gov.childrenshomes.publish.ees.EesCsv;
import uk.gov.childrenshomes.publish.ees.EesTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * changes.md: what this release revises against the previous release of the same year, row by row. Rows are
 * matched on their time, geography and filter cells; a revision lists each indicator whose published value changed.
 */
public final class ChangesReport {

    private ChangesReport() {
    }

    public static String markdown(String releaseId, Optional<String> previousId, Optional<Path> previousRelease,
                                  List<EesTable> tables) throws IOException {
        StringBuilder md = new StringBuilder("# Changes in release " + releaseId + "\n\n");
        if (previousRelease.isEmpty()) {
            return md.append("First release of this reporting year under this output folder: nothing to compare.\n").toString();
        }
        md.append("Compared with release ").append(previousId.orElseThrow()).append(", row by row.\n");
        for (EesTable table : tables) {
            md.append("\n## ").append(table.name()).append("\n\n");
            Path previousData = previousRelease.get().resolve("data").resolve(table.dataFileName());
            if (!Files.exists(previousData)) {
                md.append("New table: ").append(table.rows().size()).append(" rows.\n");
                continue;
            }
            List<List<String>> previous = EesCsv.parse(Files.readString(previousData, StandardCharsets.UTF_8));
            List<String> lines = compare(table, previous);
            md.append(lines.isEmpty() ? "No change.\n" : String.join("\n", lines) + "\n");
        }
        return md.toString();
    }

    /** One line per added, removed or revised row. */
    static List<String> compare(EesTable current, List<List<String>> previousWithHeader) {
        List<String> previousColumns = previousWithHeader.get(0);
        if (!previousColumns.equals(current.columns())) {
            return List.of("- Columns changed: was " + previousColumns + ", now " + current.columns() + ".");
        }
        Set<String> indicators = new HashSet<>(current.indicatorColumns());
        Map<List<String>, List<String>> before = index(current.columns(), indicators,
                previousWithHeader.subList(1, previousWithHeader.size()));
        Map<List<String>, List<String>> after = index(current.columns(), indicators, current.rows());
        List<String> lines = new ArrayList<>();
        after.forEach((key, row) -> {
            List<String> old = before.get(key);
            if (old == null) {
                lines.add("- Added: " + describe(key) + ".");
                return;
            }
            List<String> revisions = new ArrayList<>();
            for (int i = 0; i < current.columns().size(); i++) {
                if (indicators.contains(current.columns().get(i)) && !row.get(i).equals(old.get(i))) {
                    revisions.add(current.columns().get(i) + " " + old.get(i) + " -> " + row.get(i));
                }
            }
            if (!revisions.isEmpty()) {
                lines.add("- Revised: " + describe(key) + ": " + String.join("; ", revisions) + ".");
            }
        });
        before.keySet().stream().filter(key -> !after.containsKey(key))
                .forEach(key -> lines.add("- Removed: " + describe(key) + "."));
        return lines;
    }

    private static Map<List<String>, List<String>> index(List<String> columns, Set<String> indicators,
                                                         List<List<String>> rows) {
        Map<List<String>, List<String>> byKey = new LinkedHashMap<>();
        for (List<String> row : rows) {
            List<String> key = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (!indicators.contains(columns.get(i)) && !row.get(i).isEmpty()
                        && !List.of(EesTable.TIME_IDENTIFIER, EesTable.COUNTRY_CODE, EesTable.COUNTRY_NAME).contains(columns.get(i))) {
                    key.add(row.get(i));
                }
            }
            byKey.put(key, row);
        }
        return byKey;
    }

    private static String describe(List<String> key) {
        return String.join(" / ", key);
    }
}

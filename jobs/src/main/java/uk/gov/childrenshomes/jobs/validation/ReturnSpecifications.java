package uk.gov.childrenshomes.jobs.validation;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The versioned return specifications on the classpath ({@code specs/<return>/<year>.yaml}). The version for a
 * collection year is the latest whose {@code effective_from} is not after it, and the first version is also the
 * layout of earlier years sent for backfill (docs/returns/README.md); a version may {@code extends} an earlier one
 * and override code lists, so next year's change is a short new file, not new code.
 */
@Component
public class ReturnSpecifications {

    private final Map<String, ReturnSpecification> resolved = new ConcurrentHashMap<>();

    public ReturnSpecification forYear(String returnCode, int collectionYear) {
        return resolved.computeIfAbsent(returnCode + "/" + collectionYear, key -> load(returnCode, collectionYear));
    }

    private static ReturnSpecification load(String returnCode, int collectionYear) {
        TreeMap<Integer, Map<String, Object>> versions = versions(returnCode);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("There is no specification of the return '" + returnCode + "'.");
        }
        Map.Entry<Integer, Map<String, Object>> version = versions.floorEntry(collectionYear);
        if (version == null) {
            version = versions.firstEntry();
        }
        return build(returnCode, version.getKey(), version.getValue(), versions);
    }

    private static TreeMap<Integer, Map<String, Object>> versions(String returnCode) {
        TreeMap<Integer, Map<String, Object>> versions = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:specs/" + returnCode + "/*.yaml")) {
                try (InputStream in = resource.getInputStream()) {
                    Map<String, Object> document = new Yaml().load(in);
                    versions.put(((Number) document.get("effective_from")).intValue(), document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + returnCode + " specifications", e);
        }
        return versions;
    }

    @SuppressWarnings("unchecked")
    private static ReturnSpecification build(String returnCode, int effectiveFrom, Map<String, Object> document,
                                             TreeMap<Integer, Map<String, Object>> versions) {
        List<Map<String, Object>> lineage = new ArrayList<>();
        for (Map<String, Object> current = document; current != null; ) {
            lineage.add(0, current);
            Object base = current.get("extends");
            current = base == null ? null : versions.get(((Number) base).intValue());
            if (base != null && current == null) {
                throw new IllegalStateException(returnCode + " " + effectiveFrom + " extends a version that does not exist: " + base);
            }
        }
        Map<String, Object> merged = new HashMap<>();
        Map<String, List<Object>> codeLists = new HashMap<>();
        for (Map<String, Object> layer : lineage) {
            merged.putAll(layer);
            codeLists.putAll((Map<String, List<Object>>) layer.getOrDefault("code_lists", Map.of()));
        }
        List<TableSpecification> tables = new ArrayList<>();
        for (Map<String, Object> table : (List<Map<String, Object>>) merged.get("tables")) {
            List<ColumnSpecification> columns = new ArrayList<>();
            Set<String> blankMarkers = Set.copyOf((List<String>) merged.getOrDefault("blank_markers", List.of()));
            for (Map<String, Object> column : (List<Map<String, Object>>) table.get("columns")) {
                columns.add(column(column, codeLists, blankMarkers));
            }
            tables.add(new TableSpecification((String) table.get("name"), (String) table.get("file"),
                    (String) table.get("xml_element"), Boolean.TRUE.equals(table.get("xml_in_header")), (String) table.get("landing_table"),
                    Boolean.TRUE.equals(table.get("required")), List.copyOf(columns)));
        }
        return new ReturnSpecification(returnCode, effectiveFrom, (String) merged.get("refresh_procedure"),
                "ignore".equals(merged.get("extra_columns")), !Boolean.FALSE.equals(merged.get("supersedes_previous")),
                List.copyOf(tables));
    }

    @SuppressWarnings("unchecked")
    private static ColumnSpecification column(Map<String, Object> column, Map<String, List<Object>> codeLists,
                                              Set<String> blankMarkers) {
        String name = (String) column.get("name");
        ColumnType type = ColumnType.valueOf(((String) column.get("type")).toUpperCase());
        Set<String> codes = Set.of();
        if (type == ColumnType.CODE) {
            List<Object> list = codeLists.get((String) column.get("codes"));
            if (list == null) {
                throw new IllegalStateException("Column " + name + " names an unknown code list: " + column.get("codes"));
            }
            codes = new LinkedHashSet<>(list.stream().map(String::valueOf).toList());
        }
        String rule = String.valueOf(column.get("rule"));
        return new ColumnSpecification(name, (List<String>) column.getOrDefault("aliases", List.of()),
                (String) column.getOrDefault("xml", name), (String) column.get("landing"), type,
                Boolean.TRUE.equals(column.get("required")), codes,
                column.containsKey("pattern") ? Pattern.compile((String) column.get("pattern")) : null,
                (Integer) column.get("max_length"), number(column.get("min")), number(column.get("max")),
                rule, String.valueOf(column.getOrDefault("required_rule", rule)),
                Boolean.TRUE.equals(column.get("excel_serial")), blankMarkers);
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}

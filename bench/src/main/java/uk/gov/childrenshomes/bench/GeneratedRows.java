package uk.gov.childrenshomes.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How many data rows {@code ./datapack generate} wrote, from the {@code generation.json} it leaves in the inbox: the
 * rows of every LA's files (an XML export counts its children) and of the national files.
 */
final class GeneratedRows {

    /** Counts in generation.json's "national" object that are rows of the national files. */
    static final List<String> NATIONAL_ROW_COUNTS = List.of("ofsted_register_rows", "onspd_postcodes", "la_adjacency_rows");

    private GeneratedRows() {
    }

    static long in(Path inbox) {
        Path report = inbox.resolve("generation.json");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(report.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + report + " (written by ./datapack generate)", e);
        }
        long rows = 0;
        for (JsonNode la : root.path("las")) {
            for (JsonNode fileRows : la.path("files")) {
                rows += fileRows.asLong();
            }
        }
        for (String count : NATIONAL_ROW_COUNTS) {
            JsonNode value = root.path("national").path(count);
            if (!value.isIntegralNumber()) {
                throw new IllegalStateException(report + " has no national." + count + ": the generator's report changed");
            }
            rows += value.asLong();
        }
        return rows;
    }
}

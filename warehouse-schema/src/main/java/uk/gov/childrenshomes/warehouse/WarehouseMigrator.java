package uk.gov.childrenshomes.warehouse;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Builds or upgrades the warehouse to the latest schema. Flyway owns every table, Spring Batch's included;
 * migrations live in {@code db/migration} of this module and are never edited once landed.
 */
public final class WarehouseMigrator {

    private WarehouseMigrator() {
    }

    public static MigrateResult migrate(WarehouseConnection warehouse) {
        Flyway flyway = Flyway.configure()
                .dataSource(warehouse.url(), warehouse.user(), warehouse.password())
                .locations("classpath:db/migration")
                // Flyway's own history table sits with the other operational tables.
                .schemas("ops")
                .createSchemas(true)
                .validateMigrationNaming(true)
                .load();
        return flyway.migrate();
    }
}

package uk.gov.childrenshomes.warehouse.testkit;

import uk.gov.childrenshomes.warehouse.WarehouseConnection;

/**
 * Extra warehouses on the test server, for a test that compares two loads side by side (the class's own comes from
 * {@link WarehouseExtension}). Each is a fresh copy of the migrated template; drop it when done.
 */
public final class TestWarehouses {

    private TestWarehouses() {
    }

    /** A new, fully migrated warehouse; {@code purpose} is recorded as the database's comment. */
    public static WarehouseConnection create(String purpose) {
        return TestWarehouseServer.get().newWarehouse(purpose);
    }

    public static void drop(WarehouseConnection warehouse) {
        TestWarehouseServer.get().dropWarehouse(warehouse);
    }
}

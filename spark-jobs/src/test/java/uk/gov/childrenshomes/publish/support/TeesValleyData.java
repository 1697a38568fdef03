package uk.gov.childrenshomes.publish.support;

import uk.gov.childrenshomes.publish.tables.DataPackTables;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A small, realistic set of core rows for end-to-end publishes: Hartlepool, Middlesbrough and Cumberland sent their
 * SSDA903 returns for 2025 (Redcar's was rejected, Westmorland and Furness sent none), Hartlepool also for 2024,
 * Cumbria (split in 2023) for 2023; Hartlepool and Middlesbrough sent missing returns, Hartlepool an oversight
 * return; the Ofsted register was loaded for 2025 only. The figures the tests expect are worked out beside them.
 */
public final class TeesValleyData {

    public static final String HARTLEPOOL = "E06000001";
    public static final String MIDDLESBROUGH = "E06000002";
    public static final String REDCAR = "E06000003";
    public static final String CUMBERLAND = "E06000063";
    public static final String CUMBRIA = "E10000006";
    public static final String ENGLAND = "E92000001";
    private static final String HOMES = DataPackTables.CHILDRENS_HOMES_GROUP;

    private TeesValleyData() {
    }

    public static void load(Connection connection) throws SQLException {
        CoreRows core = new CoreRows(connection);
        long hartlepool = core.submission(HARTLEPOOL, "ssda903", 2025, "loaded", 42, 0);
        core.children(hartlepool, HARTLEPOOL, 2025, 31, "U1", "Foster care", HARTLEPOOL, "Inside boundary", 2.0);
        core.children(hartlepool, HARTLEPOOL, 2025, 3, "K2", HOMES, MIDDLESBROUGH, "Outside boundary", 45.0);
        core.children(hartlepool, HARTLEPOOL, 2025, 8, "P1", "Other", CoreRows.NOT_KNOWN, "Not known", null);
        long middlesbrough = core.submission(MIDDLESBROUGH, "ssda903", 2025, "loaded", 19, 0);
        core.children(middlesbrough, MIDDLESBROUGH, 2025, 12, "U3", "Foster care", MIDDLESBROUGH, "Inside boundary", 5.0);
        core.children(middlesbrough, MIDDLESBROUGH, 2025, 7, "K2", HOMES, HARTLEPOOL, "Outside boundary", 30.0);
        long cumberland = core.submission(CUMBERLAND, "ssda903", 2025, "loaded", 10, 0);
        core.children(cumberland, CUMBERLAND, 2025, 10, "U1", "Foster care", CUMBERLAND, "Inside boundary", 1.0);
        long redcar = core.submission(REDCAR, "ssda903", 2025, "rejected", 12, 12);
        core.errors(redcar, "164", 3);
        long hartlepool2024 = core.submission(HARTLEPOOL, "ssda903", 2024, "loaded", 25, 1);
        core.children(hartlepool2024, HARTLEPOOL, 2024, 25, "U1", "Foster care", HARTLEPOOL, "Inside boundary", 3.0);
        long cumbria2023 = core.submission(CUMBRIA, "ssda903", 2023, "loaded", 20, 0);
        core.children(cumbria2023, CUMBRIA, 2023, 20, "U1", "Foster care", CUMBRIA, "Inside boundary", 4.0);

        // Hartlepool's missing return: 12 incidents from care (2 children), 30 from home (one each).
        long missing = core.submission(HARTLEPOOL, "missing", 2025, "loaded", 42, 0);
        long inCare = core.child(HARTLEPOOL);
        long alsoInCare = core.child(HARTLEPOOL);
        for (int i = 0; i < 12; i++) {
            core.missingIncident(missing, HARTLEPOOL, 2025, i < 8 ? inCare : alsoInCare, "Care",
                    i < 4 ? "Out of area" : "In area", "Missing", 10.0 + i, true, i < 9, i < 8, i < 6);
        }
        for (int i = 0; i < 30; i++) {
            core.missingIncident(missing, HARTLEPOOL, 2025, core.child(HARTLEPOOL), "Home", "Not applicable",
                    i < 20 ? "Missing" : "Away without authorisation", i == 0 ? null : 2.0, i < 15, i < 10, i < 10, true);
        }
        // Middlesbrough's missing return: 8 incidents from care, none from home, no interview offered.
        long missingMiddlesbrough = core.submission(MIDDLESBROUGH, "missing", 2025, "loaded", 8, 0);
        for (int i = 0; i < 8; i++) {
            core.missingIncident(missingMiddlesbrough, MIDDLESBROUGH, 2025, core.child(MIDDLESBROUGH), "Care",
                    "In area", "Missing", 5.0, false, false, false, false);
        }

        // Hartlepool's oversight return: 9 out-of-area placements, 6 at a distance.
        long oversight = core.submission(HARTLEPOOL, "oversight", 2025, "loaded", 9, 0);
        for (int i = 0; i < 9; i++) {
            boolean home = i < 3;
            core.outOfAreaPlacement(oversight, HARTLEPOOL, 2025, core.child(HARTLEPOOL), home ? HOMES : "Foster care",
                    MIDDLESBROUGH, i < 6 ? "At a distance" : "Adjoining LA", i < 8, i < 4, true, i < 7,
                    home ? Boolean.valueOf(i < 2) : null);
        }

        // The Ofsted register (national): 6 homes in Hartlepool, 3 in Middlesbrough, one closed in the year.
        long register = core.submission(ENGLAND, "ofsted_register", 2025, "loaded", 10, 0);
        for (int i = 0; i < 6; i++) {
            core.home(register, 2025, "SC" + (100 + i), HARTLEPOOL, i < 4 ? "Private" : "Local authority",
                    "Children's home", i < 2 ? "Outstanding" : "Good", 4, true, i == 0, false);
        }
        for (int i = 0; i < 4; i++) {
            core.home(register, 2025, "SC" + (200 + i), MIDDLESBROUGH, "Voluntary",
                    i == 0 ? "Secure children's home" : "Children's home", "Requires improvement", 3, i < 3, false, i == 3);
        }
    }
}

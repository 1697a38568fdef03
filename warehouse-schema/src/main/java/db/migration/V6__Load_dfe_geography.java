package db.migration;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Loads DfE's region and LA lookups (copied into {@code reference/dfe-geography}) into the geography dimensions.
 * A Java migration because the source is DfE's CSV exactly as published; combined reporting rows
 * ("E06000061 / E06000062") and the overseas pseudo-LA ("z", 702) are not LAs and are skipped.
 */
public class V6__Load_dfe_geography extends BaseJavaMigration {

    private static final DateTimeFormatter DFE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (PreparedStatement region = connection.prepareStatement(
                "INSERT INTO core.dim_region VALUES (?, ?, ?, 'E92000001', 'England')")) {
            short key = 1;
            for (CSVRecord row : read("regions.csv")) {
                if (!row.get("region_code").startsWith("E12")) {
                    continue;
                }
                region.setShort(1, key++);
                region.setString(2, row.get("region_code"));
                region.setString(3, row.get("region_name"));
                region.addBatch();
            }
            region.executeBatch();
        }
        try (PreparedStatement unknown = connection.prepareStatement("""
                INSERT INTO core.dim_local_authority VALUES
                  (-1, 'z', NULL, 'Not known', 'z', 'Not known', -1, DATE '1900-01-01', NULL, true),
                  (-2, 'z-outside-england', NULL, 'Outside England', 'z', 'Outside England', -2, DATE '1900-01-01', NULL, true),
                  (-3, 'z-not-applicable', NULL, 'Not applicable', 'z', 'Not applicable', -1, DATE '1900-01-01', NULL, true)
                """)) {
            unknown.execute();
        }
        try (PreparedStatement la = connection.prepareStatement("""
                INSERT INTO core.dim_local_authority
                  (la_key, new_la_code, old_la_code, la_name, la_type_code, la_type, region_key, valid_from, valid_to)
                SELECT ?, ?, ?, ?, ?, ?, region_key, ?, ? FROM core.dim_region WHERE region_code = ?
                """)) {
            int key = 1;
            for (CSVRecord row : read("las.csv")) {
                String code = row.get("new_la_code");
                if (!code.matches("E(06|08|09|10)\\d{6}")) {
                    continue; // combined reporting rows and the BFPO overseas pseudo-LA are not LAs
                }
                String oldCode = row.get("old_la_code");
                la.setInt(1, key++);
                la.setString(2, code);
                la.setString(3, oldCode.isBlank() || oldCode.equals("x") ? null : oldCode);
                la.setString(4, row.get("la_name"));
                la.setString(5, row.get("entity_code"));
                la.setString(6, row.get("entity_description"));
                la.setDate(7, Date.valueOf(LocalDate.parse(row.get("date_of_operation"), DFE_DATE)));
                String end = row.get("date_of_termination");
                la.setDate(8, end.isBlank() ? null : Date.valueOf(LocalDate.parse(end, DFE_DATE)));
                la.setString(9, row.get("parent_geography_code"));
                la.addBatch();
            }
            la.executeBatch();
        }
    }

    private static List<CSVRecord> read(String file) throws IOException {
        try (InputStream in = V6__Load_dfe_geography.class.getResourceAsStream("/reference/dfe-geography/" + file);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}

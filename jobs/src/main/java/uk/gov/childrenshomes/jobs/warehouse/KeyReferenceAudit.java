package uk.gov.childrenshomes.jobs.warehouse;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The check that replaces per-row foreign keys on landing and the core facts (warehouse migration V79): after an
 * ingest run, every key held by the rows of the submissions it loaded refers to an existing row (its submission, its
 * dimension members), as catalogued in ops.key_reference. A broken key can only come from a defect in a load or
 * refresh procedure, so it fails the run loudly rather than being reported to an LA.
 */
@Component
public class KeyReferenceAudit {

    /** One relationship some rows break. */
    public record BrokenReference(String referencingTable, List<String> referencingColumns, String referencedTable,
                                  long orphanRows) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d rows of %s (%s) refer to no row of %s", orphanRows, referencingTable,
                    String.join(", ", referencingColumns), referencedTable);
        }
    }

    private final JdbcTemplate jdbc;

    public KeyReferenceAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The relationships broken by rows of the given submissions; empty when every key resolves. */
    public List<BrokenReference> brokenReferences(Collection<Long> submissionIds) {
        return jdbc.execute((ConnectionCallback<List<BrokenReference>>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM ops.orphan_keys(?)")) {
                statement.setArray(1, connection.createArrayOf("bigint", submissionIds.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    List<BrokenReference> broken = new ArrayList<>();
                    while (rows.next()) {
                        broken.add(new BrokenReference(rows.getString("referencing_table"),
                                List.of((String[]) rows.getArray("referencing_columns").getArray()),
                                rows.getString("referenced_table"), rows.getLong("orphan_rows")));
                    }
                    return broken;
                }
            }
        });
    }

    /** Fails with every broken relationship named when a row of the given submissions refers to nothing. */
    public void requireEveryKeyResolves(Collection<Long> submissionIds) {
        List<BrokenReference> broken = brokenReferences(submissionIds);
        if (!broken.isEmpty()) {
            throw new IllegalStateException("The warehouse holds keys that refer to nothing after this run (a defect in a"
                    + " load or refresh procedure; report it to the data engineers): " + String.join("; ",
                    broken.stream().map(BrokenReference::toString).toList()));
        }
    }
}

package uk.gov.childrenshomes.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The data dictionary (Markdown) of a migrated warehouse, generated from the catalogue: every schema, table, view
 * and column with its type and {@code COMMENT}, and every function and procedure. Partitions are described by their
 * parent. The output depends only on the schema, never on the data, so the checked-in copy can be compared with a
 * freshly generated one.
 */
public final class DataDictionary {

    /** The schemas described, in data-flow order. */
    static final List<String> SCHEMAS = List.of("landing", "core", "mart", "pub", "ops");

    private DataDictionary() {
    }

    public static String generate(Connection connection) throws SQLException {
        StringBuilder out = new StringBuilder("""
                # Data dictionary

                Generated from the comments in the warehouse catalogue by
                `./datapack warehouse dictionary --out docs/data-dictionary.md` (`WarehouseCli dictionary`) on a freshly
                migrated warehouse. Do not edit by hand: change the `COMMENT` in a new migration and regenerate; a test
                fails while this file is stale. The model and example queries are in
                [warehouse-schema/README.md](../warehouse-schema/README.md).

                """);
        for (String schema : SCHEMAS) {
            out.append("- [`").append(schema).append("`](#schema-").append(schema).append(")\n");
        }
        for (String schema : SCHEMAS) {
            out.append("\n## Schema ").append(schema).append("\n\n")
               .append(describe(single(connection, "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = ?", schema)))
               .append("\n");
            relations(connection, schema, out);
            routines(connection, schema, out);
        }
        return out.toString();
    }

    private static void relations(Connection connection, String schema, StringBuilder out) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT c.oid, c.relname, CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                                                        WHEN 'p' THEN 'table, partitioned' ELSE 'table' END,
                       obj_description(c.oid, 'pg_class')
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
                   AND c.relname <> 'flyway_schema_history'
                 ORDER BY c.relname""")) {
            statement.setString(1, schema);
            try (ResultSet relations = statement.executeQuery()) {
                while (relations.next()) {
                    out.append("\n### ").append(schema).append('.').append(relations.getString(2))
                       .append(" (").append(relations.getString(3)).append(")\n\n")
                       .append(describe(relations.getString(4))).append("\n\n")
                       .append("| column | type | null | description |\n|---|---|---|---|\n");
                    columns(connection, relations.getLong(1), out);
                    references(connection, relations.getLong(1), schema + '.' + relations.getString(2), out);
                }
            }
        }
    }

    private static void columns(Connection connection, long relation, StringBuilder out) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, col_description(a.attrelid, a.attnum)
                  FROM pg_attribute a
                 WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attnum""")) {
            statement.setLong(1, relation);
            try (ResultSet columns = statement.executeQuery()) {
                while (columns.next()) {
                    out.append("| `").append(columns.getString(1)).append("` | ").append(columns.getString(2)).append(" | ")
                       .append(columns.getBoolean(3) ? "no" : "yes").append(" | ").append(describe(columns.getString(4)))
                       .append(" |\n");
                }
            }
        }
    }

    /** The keys a table holds to rows of other tables: foreign keys, and those V79 audits instead (ops.key_reference). */
    private static void references(Connection connection, long relation, String qualifiedName, StringBuilder out)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT array_to_string(k.referencing_columns, ', '), k.referenced_table,
                       array_to_string(k.referenced_columns, ', '), 'audited after every ingest run (ops.orphan_keys)'
                  FROM ops.key_reference k WHERE k.referencing_table = ?
                UNION ALL
                SELECT (SELECT string_agg(a.attname, ', ' ORDER BY k.position) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, position)
                          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
                       (SELECT format('%I.%I', n.nspname, r.relname) FROM pg_class r
                          JOIN pg_namespace n ON n.oid = r.relnamespace WHERE r.oid = c.confrelid),
                       (SELECT string_agg(a.attname, ', ' ORDER BY k.position) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, position)
                          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum),
                       'foreign key'
                  FROM pg_constraint c WHERE c.conrelid = ? AND c.contype = 'f' AND c.conparentid = 0
                 ORDER BY 1, 2""")) {
            statement.setString(1, qualifiedName);
            statement.setLong(2, relation);
            try (ResultSet references = statement.executeQuery()) {
                boolean first = true;
                while (references.next()) {
                    if (first) {
                        out.append("\n| key | refers to | checked |\n|---|---|---|\n");
                        first = false;
                    }
                    out.append("| `").append(references.getString(1)).append("` | `").append(references.getString(2))
                       .append("` (`").append(references.getString(3)).append("`) | ").append(references.getString(4))
                       .append(" |\n");
                }
            }
        }
    }

    private static void routines(Connection connection, String schema, StringBuilder out) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
                       p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', obj_description(p.oid, 'pg_proc')
                  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = ?
                 ORDER BY p.proname, pg_get_function_identity_arguments(p.oid)""")) {
            statement.setString(1, schema);
            try (ResultSet routines = statement.executeQuery()) {
                boolean first = true;
                while (routines.next()) {
                    if (first) {
                        out.append("\n### Functions and procedures in ").append(schema)
                           .append("\n\n| kind | signature | description |\n|---|---|---|\n");
                        first = false;
                    }
                    out.append("| ").append(routines.getString(1)).append(" | `").append(schema).append('.')
                       .append(routines.getString(2)).append("` | ").append(describe(routines.getString(3))).append(" |\n");
                }
            }
        }
    }

    private static String single(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** A comment fit for one Markdown table cell; a missing comment is shown, never hidden. */
    private static String describe(String comment) {
        return comment == null ? "(no description)" : comment.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ").strip();
    }
}

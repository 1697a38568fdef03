package uk.gov.childrenshomes.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The example analyst queries of this module's README ("Querying the marts"): each a question in prose followed by a
 * {@code ```sql} block. The README is their one source: its test runs them as the analyst role, and the analyst query
 * benchmark times them on ten years of national data.
 */
public final class ExampleQueries {

    /** The line before a block (the question), then the block's SQL. */
    private static final Pattern QUESTION_AND_SQL = Pattern.compile("([^\\n]*)\\n```sql\\n(.*?)```", Pattern.DOTALL);

    /** One example: the question as the README asks it (without a trailing colon) and its SQL. */
    public record ExampleQuery(String question, String sql) {
    }

    private ExampleQueries() {
    }

    public static List<ExampleQuery> parse(String readme) {
        return QUESTION_AND_SQL.matcher(readme).results()
                .map(match -> new ExampleQuery(match.group(1).strip().replaceFirst(":$", ""), match.group(2).strip()))
                .toList();
    }

    /** The examples of a README file (warehouse-schema/README.md). */
    public static List<ExampleQuery> read(Path readme) {
        try {
            return parse(Files.readString(readme, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the example queries of " + readme, e);
        }
    }
}

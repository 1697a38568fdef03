package uk.gov.childrenshomes.jobs.cli;

import uk.gov.childrenshomes.jobs.ingest.IngestRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The arguments of the jar: {@code ingest} or {@code status} and their options (docs/architecture.md, the CLI contract). */
public sealed interface CommandLine {

    String USAGE = """
            Usage: ./datapack ingest --inbox DIR [--year YYYY] [--la CODE ...]
                   ./datapack status --year YYYY [--format text|json]

            ingest  pulls every LA's returns from the inbox (DIR/<la_code>/{ssda903,missing,oversight}/ and the
                    national reference data in DIR/national/), validates every row, loads what is valid into the
                    warehouse and writes each LA a validation report in DIR/<la_code>/outbox/<return>/.
                    --year    collection year, ending 31 March YYYY (default: the last one that has ended)
                    --la      only this LA (repeatable); default every LA operating in the year
            status  per LA and return: state, rows received / loaded / rejected, findings by rule code.
                    --format  text (default) or json

            Exit codes: 0 done (even when LAs' rows were rejected: they are in the reports), 1 system failure
            (e.g. the warehouse is unreachable), 2 bad arguments or configuration.
            The pseudonymisation key comes from DATAPACK_PSEUDONYMISATION_KEY_FILE (or DATAPACK_PSEUDONYMISATION_KEY).
            """;

    record Help() implements CommandLine {
    }

    record Ingest(IngestRequest request) implements CommandLine {
    }

    record Status(int collectionYear, boolean json) implements CommandLine {
    }

    /** @throws IllegalArgumentException with a message naming the problem and the fix */
    static CommandLine parse(String[] args, LocalDate today) {
        if (args.length == 0) {
            throw new IllegalArgumentException("give a command: ingest or status");
        }
        List<String> options = List.of(args).subList(1, args.length);
        if (args[0].equals("--help") || args[0].equals("-h") || options.contains("--help") || options.contains("-h")) {
            return new Help();
        }
        return switch (args[0]) {
            case "ingest" -> ingest(options, today);
            case "status" -> status(options);
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "' (ingest or status)");
        };
    }

    private static Ingest ingest(List<String> options, LocalDate today) {
        Path inbox = null;
        int year = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        List<String> las = new ArrayList<>();
        for (int i = 0; i < options.size(); i += 2) {
            String value = value(options, i);
            switch (options.get(i)) {
                case "--inbox" -> inbox = Path.of(value);
                case "--year" -> year = year(value);
                case "--la" -> {
                    if (!value.matches("E\\d{8}")) {
                        throw new IllegalArgumentException("--la takes an LA code such as E06000001, got '" + value + "'");
                    }
                    las.add(value);
                }
                default -> throw new IllegalArgumentException("ingest: unknown option '" + options.get(i) + "'");
            }
        }
        if (inbox == null) {
            throw new IllegalArgumentException("ingest needs --inbox DIR, the folder the LAs' returns are in");
        }
        if (!Files.isDirectory(inbox)) {
            throw new IllegalArgumentException("the inbox " + inbox + " is not a folder");
        }
        return new Ingest(new IngestRequest(inbox.toAbsolutePath().normalize(), year, List.copyOf(las)));
    }

    private static Status status(List<String> options) {
        Integer year = null;
        boolean json = false;
        for (int i = 0; i < options.size(); i += 2) {
            String value = value(options, i);
            switch (options.get(i)) {
                case "--year" -> year = year(value);
                case "--format" -> {
                    if (!value.equals("text") && !value.equals("json")) {
                        throw new IllegalArgumentException("--format is text or json, got '" + value + "'");
                    }
                    json = value.equals("json");
                }
                default -> throw new IllegalArgumentException("status: unknown option '" + options.get(i) + "'");
            }
        }
        if (year == null) {
            throw new IllegalArgumentException("status needs --year YYYY, the collection year");
        }
        return new Status(year, json);
    }

    private static String value(List<String> options, int i) {
        if (i + 1 >= options.size()) {
            throw new IllegalArgumentException(options.get(i) + " needs a value");
        }
        return options.get(i + 1);
    }

    private static int year(String value) {
        if (!value.matches("20\\d{2}")) {
            throw new IllegalArgumentException("--year must be a collection year such as 2025, got '" + value + "'");
        }
        return Integer.parseInt(value);
    }
}

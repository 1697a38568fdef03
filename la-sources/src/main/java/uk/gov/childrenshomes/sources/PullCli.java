package uk.gov.childrenshomes.sources;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import uk.gov.childrenshomes.sources.delivery.Inbox;
import uk.gov.childrenshomes.sources.registry.RegistryException;
import uk.gov.childrenshomes.sources.registry.SourceEntry;
import uk.gov.childrenshomes.sources.registry.SourceKey;
import uk.gov.childrenshomes.sources.registry.SourceRegistry;

/**
 * {@code PullCli pull --sources FILE --inbox DIR [--la CODE ...]}: pulls every registered LA return (or those of the
 * given LAs) into the inbox and prints one status line per LA return. An LA whose pull fails is reported, not fatal:
 * the exit code is 0 unless the arguments are bad (2) or the inbox cannot be written (1).
 */
public final class PullCli {

    static final int OK = 0;
    static final int SYSTEM_FAILURE = 1;
    static final int BAD_ARGUMENTS = 2;

    private static final String USAGE = """
            Usage: PullCli pull --sources FILE --inbox DIR [--la CODE ...]

            Pulls each LA's returns from where the source registry says they are (HTTPS, SFTP) into
            <inbox>/<la>/<return>/ for the ingest. Entries of kind inbox have nothing to pull.

              --sources FILE   the source registry (properties; see la-sources/README.md)
              --inbox DIR      the inbox the ingest reads
              --la CODE ...    only these LAs (ONS codes, e.g. E06000001); default: every registered LA

            Prints one line per LA return: delivered, unchanged, nothing to pull or FAILED with the reason.
            Exit code: 0 (also when some LAs failed: see their lines), 1 inbox not writable, 2 bad arguments.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Function<Inbox, SourcePuller> pullers;

    PullCli(PrintStream out, PrintStream err, Function<Inbox, SourcePuller> pullers) {
        this.out = out;
        this.err = err;
        this.pullers = pullers;
    }

    public static void main(String[] args) {
        System.exit(new PullCli(System.out, System.err, SourcePuller::forService).run(args));
    }

    int run(String[] args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("PullCli: " + e.getMessage());
            err.print(USAGE);
            return BAD_ARGUMENTS;
        }
        if (arguments == null) {
            out.print(USAGE);
            return OK;
        }
        SourceRegistry registry;
        try {
            registry = SourceRegistry.load(arguments.sources());
        } catch (RegistryException e) {
            err.println("PullCli: " + e.getMessage());
            return BAD_ARGUMENTS;
        } catch (IOException e) {
            err.println("PullCli: cannot read the source registry " + arguments.sources() + ": " + e);
            return BAD_ARGUMENTS;
        }
        Inbox inbox = new Inbox(arguments.inbox());
        try {
            inbox.checkWritable();
        } catch (IOException | RuntimeException e) {
            err.println("PullCli: the inbox " + inbox.root() + " is not writable: " + e);
            return SYSTEM_FAILURE;
        }

        List<SourceEntry> entries = registry.entriesFor(arguments.laCodes());
        Map<PullStatus, Integer> counts = new EnumMap<>(PullStatus.class);
        for (PullReport report : pullers.apply(inbox).pullAll(entries)) {
            out.println(report.statusLine());
            counts.merge(report.status(), 1, Integer::sum);
        }
        for (String laCode : arguments.laCodes()) {
            if (entries.stream().noneMatch(entry -> entry.key().laCode().equals(laCode))) {
                out.println(laCode + " (no entry in the registry: its returns are expected in the inbox)");
            }
        }
        out.printf("%d LA returns: %d delivered, %d unchanged, %d failed, %d nothing to pull%n", entries.size(),
                counts.getOrDefault(PullStatus.DELIVERED, 0), counts.getOrDefault(PullStatus.UNCHANGED, 0),
                counts.getOrDefault(PullStatus.FAILED, 0), counts.getOrDefault(PullStatus.NOTHING_TO_PULL, 0));
        return OK;
    }

    private record Arguments(Path sources, Path inbox, Set<String> laCodes) {

        /** @return null when help was asked for */
        static Arguments parse(String[] args) {
            List<String> words = List.of(args);
            if (words.contains("--help") || words.contains("-h")) {
                return null;
            }
            if (words.isEmpty() || !words.get(0).equals("pull")) {
                throw new IllegalArgumentException(words.isEmpty() ? "no command given" : "unknown command '"
                        + words.get(0) + "' (the command is pull)");
            }
            Path sources = null;
            Path inbox = null;
            Set<String> laCodes = new LinkedHashSet<>();
            for (int i = 1; i < words.size(); i++) {
                switch (words.get(i)) {
                    case "--sources" -> sources = Path.of(value(words, ++i, "--sources"));
                    case "--inbox" -> inbox = Path.of(value(words, ++i, "--inbox"));
                    case "--la" -> {
                        List<String> codes = new ArrayList<>();
                        while (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                            codes.add(words.get(++i));
                        }
                        if (codes.isEmpty()) {
                            throw new IllegalArgumentException("--la needs at least one LA code");
                        }
                        for (String code : codes) {
                            if (!SourceKey.isLaCode(code)) {
                                throw new IllegalArgumentException("'" + code + "' is not an LA code (e.g. E06000001)");
                            }
                        }
                        laCodes.addAll(codes);
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + words.get(i) + "'");
                }
            }
            if (sources == null || inbox == null) {
                throw new IllegalArgumentException("--sources and --inbox are required");
            }
            return new Arguments(sources, inbox, laCodes);
        }

        private static String value(List<String> words, int index, String option) {
            if (index >= words.size() || words.get(index).startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return words.get(index);
        }
    }
}

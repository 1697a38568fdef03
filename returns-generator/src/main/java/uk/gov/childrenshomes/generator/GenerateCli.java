package uk.gov.childrenshomes.generator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./datapack generate --out DIR [--year YYYY] [--scale S] [--seed N] [--fault-rate R] [--la CODE ...]}:
 * writes generated national returns into an inbox (docs/architecture.md, "The CLI contract"). Exit codes: 0 done,
 * 1 the files could not be written, 2 bad arguments. Everything it prints goes to stderr.
 */
public final class GenerateCli {

    static final long DEFAULT_SEED = 20140101L;
    private static final String LOG4J_CONTEXT_FACTORY = "log4j2.loggerContextFactory";

    private static final String USAGE = """
            Usage: ./datapack generate --out DIR [--year YYYY] [--scale S] [--seed N] [--fault-rate R] [--la CODE ...]

            Writes one year of generated returns for every LA operating on 31 March of the year into the inbox DIR:
              DIR/<la_code>/ssda903/     SSDA903 CSV set (about 1 LA in 10: the EXPSSDA903 XML export)
              DIR/<la_code>/missing/     missing episodes and return interviews (CSV, or XLSX for some LAs)
              DIR/<la_code>/oversight/   out-of-area placement oversight (CSV)
              DIR/national/              Ofsted register, ONSPD postcodes, LA adjacency
              DIR/generation.json        parameters and counts per LA;  DIR/faults.csv  every injected fault

            Options:
              --out DIR         the inbox folder to write (required)
              --year YYYY       collection year, ending 31 March YYYY (default: the last one that has ended)
              --scale S         volumes, 1 = England's real volumes (default 1; e.g. 0.01 for tests)
              --seed N          random seed; the same arguments always write the same bytes (default 20140101)
              --fault-rate R    share of rows, 0 to 1, given a realistic fault (default 0: valid returns)
              --la CODE         only this LA (repeatable); the LA's files are the same as in a full run
            """;

    private GenerateCli() {
    }

    public static void main(String[] args) {
        // POI logs through the Log4j API, which complains on stderr when no logging back end is on the classpath;
        // its simple logger (errors only) is enough for a command line tool.
        if (System.getProperty(LOG4J_CONTEXT_FACTORY) == null) {
            System.setProperty(LOG4J_CONTEXT_FACTORY, "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        System.exit(run(args, System.err));
    }

    /** Runs the command; returns the exit code. */
    static int run(String[] args, PrintStream err) {
        GenerationRequest request;
        try {
            request = parse(args);
        } catch (HelpRequested e) {
            err.print(USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("generate: " + e.getMessage());
            err.println("Run ./datapack generate --help for the options.");
            return 2;
        }
        try {
            NationalGenerator.selectedAuthorities(request.year(), request.laCodes());
        } catch (IllegalArgumentException e) {
            err.println("generate: " + e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        GenerationResult result;
        try {
            result = NationalGenerator.generate(request);
        } catch (UncheckedIOException e) {
            err.println("generate: " + e.getMessage() + ": " + e.getCause().getMessage()
                    + ". Check that the folder can be written and the disk is not full.");
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Counts t = result.totals();
        err.printf(Locale.ROOT, "Generated %d LAs for %d (scale %s, seed %d, fault rate %s) into %s in %.1f s%n",
                result.las().size(), request.year().year(), request.scale(), request.seed(), request.faultRate(),
                request.out(), seconds);
        err.printf(Locale.ROOT, "  children looked after in the year %,d; at 31 March %,d; episodes %,d%n",
                t.get("children_looked_after_in_year"), t.get("looked_after_31_march"), t.get("episodes"));
        err.printf(Locale.ROOT, "  missing incidents: from care %,d, from home %,d; oversight rows %,d%n",
                t.get("missing_from_care_incidents"), t.get("missing_from_home_incidents"), t.get("oversight_placements"));
        err.printf(Locale.ROOT, "  children's homes at 31 March %,d with %,d places; faults injected %,d (faults.csv)%n",
                result.national().get("childrens_homes_31_march"), result.national().get("childrens_homes_places_31_march"),
                t.get("faults_injected"));
        return 0;
    }

    static GenerationRequest parse(String[] args) {
        Path out = null;
        CollectionYear year = CollectionYear.lastEndedBefore(LocalDate.now());
        double scale = 1;
        long seed = DEFAULT_SEED;
        double faultRate = 0;
        List<String> las = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new HelpRequested();
            }
            if (!List.of("--out", "--year", "--scale", "--seed", "--fault-rate", "--la").contains(option)) {
                throw new IllegalArgumentException("unknown option '" + option + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--out" -> out = Path.of(value);
                case "--year" -> {
                    if (!value.matches("20\\d\\d")) {
                        throw new IllegalArgumentException("--year must be a collection year such as 2025, got '" + value + "'");
                    }
                    year = new CollectionYear(Integer.parseInt(value));
                }
                case "--scale" -> {
                    scale = number(option, value);
                    if (!(scale > 0 && scale <= 20)) {
                        throw new IllegalArgumentException("--scale must be above 0 and at most 20, got " + value);
                    }
                }
                case "--seed" -> {
                    try {
                        seed = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed must be a whole number, got '" + value + "'");
                    }
                }
                case "--fault-rate" -> {
                    faultRate = number(option, value);
                    if (!(faultRate >= 0 && faultRate <= 1)) {
                        throw new IllegalArgumentException("--fault-rate must be from 0 to 1 (e.g. 0.02), got " + value);
                    }
                }
                default -> {
                    if (!value.matches("E\\d{8}")) {
                        throw new IllegalArgumentException("--la takes an LA code such as E06000001, got '" + value + "'");
                    }
                    las.add(value);
                }
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required: the inbox folder to write");
        }
        return new GenerationRequest(out, year, scale, seed, faultRate, las);
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got '" + value + "'");
        }
    }

    /** {@code --help}: not an error, the usage is printed and the exit code is 0. */
    private static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}

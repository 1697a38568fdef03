package uk.gov.childrenshomes.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The options of {@code ./datapack bench --analyst-queries}.
 *
 * @param years    consecutive collection years generated and ingested, ending with lastYear
 * @param lastYear the last collection year
 * @param scale    volume of each year (1 = England's real volumes)
 * @param runs     timed runs of each query after its warm-up run
 * @param markdown the Markdown report to (re)write
 * @param work     where the inboxes, logs and warehouse go (recreated)
 * @param stageTimeout how long one generate or ingest may run before it is stopped and reported as failed
 */
record AnalystQueryOptions(int years, int lastYear, double scale, int runs, Path markdown, Path work, Duration stageTimeout) {

    static final String FLAG = "--analyst-queries";

    static final String USAGE = """
            Usage: ./datapack bench --analyst-queries [--years 10] [--last-year YYYY] [--scale 1] [--runs 5]
                                    [--out docs/analyst-queries.md] [--work DIR] [--stage-timeout MINUTES]

            Generates and ingests consecutive collection years into a fresh warehouse (./datapack generate and
            ./datapack ingest per year), then times every example query of warehouse-schema/README.md ("Querying the
            marts") as the analyst role: one warm-up run, then --runs timed runs each; reports the median and the
            maximum against the 200 ms target of issue 4.

            Options:
              --years N       consecutive years, ending with --last-year (default 10)
              --last-year YYYY
                              last collection year (default: the last one that has ended)
              --scale S       volume of each year (default 1 = England; 0.02 is a quick smoke run)
              --runs N        timed runs per query after the warm-up (default 5)
              --out FILE      Markdown report (default docs/analyst-queries.md)
              --work DIR      work folder (default bench/target/analyst-queries-work)
              --stage-timeout MINUTES
                              stop a generate or ingest that runs longer and report it as failed (default 120)
            """;

    List<Integer> collectionYears() {
        return IntStream.rangeClosed(lastYear - years + 1, lastYear).boxed().toList();
    }

    /** Parses the arguments after {@link #FLAG}. */
    static AnalystQueryOptions parse(List<String> args, Path repository, LocalDate today) {
        int years = 10;
        int lastYear = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        double scale = 1;
        int runs = 5;
        Path markdown = repository.resolve("docs/analyst-queries.md");
        Path work = repository.resolve("bench/target/analyst-queries-work");
        Duration stageTimeout = BenchOptions.DEFAULT_STAGE_TIMEOUT;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--help") || option.equals("-h")) {
                throw new BenchOptions.HelpRequested();
            }
            if (!List.of("--years", "--last-year", "--scale", "--runs", "--out", "--work", "--stage-timeout").contains(option)) {
                throw new IllegalArgumentException("unknown option '" + option + "' of " + FLAG);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--years" -> years = whole(option, value, 1, 30);
                case "--last-year" -> lastYear = whole(option, value, 2000, 2099);
                case "--scale" -> scale = BenchOptions.scale(value);
                case "--runs" -> runs = whole(option, value, 1, 100);
                case "--out" -> markdown = Path.of(value);
                case "--work" -> work = Path.of(value);
                default -> stageTimeout = BenchOptions.minutes(value);
            }
        }
        return new AnalystQueryOptions(years, lastYear, scale, runs, markdown.toAbsolutePath(), work.toAbsolutePath(), stageTimeout);
    }

    private static int whole(String option, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the value given
        }
        throw new IllegalArgumentException(option + " takes a whole number from " + min + " to " + max + ", got '" + value + "'");
    }
}

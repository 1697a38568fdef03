package uk.gov.childrenshomes.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code ./datapack bench}.
 *
 * @param scales   the scales to run, in order (1 = England's real volumes)
 * @param year     the collection year generated, ingested and published
 * @param markdown the Markdown report to (re)write
 * @param json     the JSON file to (re)write
 * @param work     where each scale's inbox, logs, release and warehouse go (scale folders are recreated)
 * @param profile  whether every JVM also writes a JFR recording (for finding the cause of a missed target)
 * @param stageTimeout how long one stage may run before it is stopped and reported as failed
 * @param clusterWorkers when above 0, each scale also publishes through a local Spark standalone cluster of this
 *                       many workers ({@code ./datapack cluster up}), compared file by file with the local publish
 */
record BenchOptions(List<Double> scales, int year, Path markdown, Path json, Path work, boolean profile,
                    Duration stageTimeout, int clusterWorkers) {

    /** Long enough for scale 10 on the target machine; a stage past it is stuck, or far off every target. */
    static final Duration DEFAULT_STAGE_TIMEOUT = Duration.ofMinutes(120);

    static final String USAGE = """
            Usage: ./datapack bench [--scales 1,10] [--year YYYY] [--out docs/benchmarks.md] [--json FILE] [--work DIR]
                                    [--stage-timeout MINUTES] [--profile] [--cluster-workers N]

            Runs generate → ingest → publish at each scale against a fresh warehouse per scale, measures each stage
            (wall time, rows per second, peak RSS and heap of every JVM, database size) and the baselines on the same
            bytes (raw COPY into unlogged tables; the data pack's aggregations in plain SQL), and writes the report.

            Options:
              --scales LIST   comma-separated scales (default 1,10; 0.05 is a quick smoke run; 100 is a long run)
              --year YYYY     collection year (default: the last one that has ended)
              --out FILE      Markdown report (default docs/benchmarks.md)
              --json FILE     JSON report (default: the Markdown report's name with .json)
              --work DIR      work folder (default bench/target/bench-work)
              --stage-timeout MINUTES
                              stop a stage that runs longer and report it as failed (default 120)
              --profile       also record every JVM with Java Flight Recorder (next to its GC log)
              --cluster-workers N
                              also publish through a local Spark standalone cluster of N workers (./datapack cluster)
                              and check its data and Parquet files are byte-identical to the local publish

            The warehouse of each scale is an embedded PostgreSQL under the work folder on a free port, or, when
            WAREHOUSE_URL is set, a new database datapack_bench_scale_<scale> on that server (the account needs CREATEDB).
            """;

    /** {@code --help}: print the usage and exit 0. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }

    static BenchOptions parse(List<String> args, Path repository, LocalDate today) {
        List<Double> scales = List.of(1.0, 10.0);
        int year = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        Path markdown = repository.resolve("docs/benchmarks.md");
        Path json = null;
        Path work = repository.resolve("bench/target/bench-work");
        boolean profile = false;
        Duration stageTimeout = DEFAULT_STAGE_TIMEOUT;
        int clusterWorkers = 0;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--help", "-h" -> throw new HelpRequested();
                case "--profile" -> profile = true;
                case "--scales", "--year", "--out", "--json", "--work", "--stage-timeout", "--cluster-workers" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(option + " needs a value");
                    }
                    String value = args.get(++i);
                    switch (option) {
                        case "--scales" -> scales = scales(value);
                        case "--year" -> {
                            if (!value.matches("20\\d\\d")) {
                                throw new IllegalArgumentException("--year must be a collection year such as 2025, got '" + value + "'");
                            }
                            year = Integer.parseInt(value);
                        }
                        case "--out" -> markdown = Path.of(value);
                        case "--json" -> json = Path.of(value);
                        case "--stage-timeout" -> stageTimeout = minutes(value);
                        case "--cluster-workers" -> clusterWorkers = workers(value);
                        default -> work = Path.of(value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        if (json == null) {
            String name = markdown.getFileName().toString().replaceFirst("\\.md$", "");
            json = markdown.resolveSibling(name + ".json");
        }
        return new BenchOptions(scales, year, markdown.toAbsolutePath(), json.toAbsolutePath(), work.toAbsolutePath(), profile,
                stageTimeout, clusterWorkers);
    }

    static Duration minutes(String value) {
        try {
            long minutes = Long.parseLong(value);
            if (minutes > 0) {
                return Duration.ofMinutes(minutes);
            }
        } catch (NumberFormatException e) {
            // reported below with the value given
        }
        throw new IllegalArgumentException("--stage-timeout takes a whole number of minutes above 0, got '" + value + "'");
    }

    static int workers(String value) {
        try {
            int workers = Integer.parseInt(value);
            if (workers > 0 && workers <= 16) {
                return workers;
            }
        } catch (NumberFormatException e) {
            // reported below with the value given
        }
        throw new IllegalArgumentException("--cluster-workers takes a whole number from 1 to 16, got '" + value + "'");
    }

    private static List<Double> scales(String list) {
        List<Double> scales = new ArrayList<>();
        for (String item : list.split(",")) {
            double scale = scale(item);
            if (scales.contains(scale)) {
                throw new IllegalArgumentException("--scales: scale " + item + " is given twice");
            }
            scales.add(scale);
        }
        return List.copyOf(scales);
    }

    /** One scale: a number above 0 and at most 100. */
    static double scale(String item) {
        double scale;
        try {
            scale = Double.parseDouble(item.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a scale is a number such as 1, 10 or 0.05, got '" + item + "'");
        }
        if (!(scale > 0 && scale <= 100)) {
            throw new IllegalArgumentException("a scale must be above 0 and at most 100, got " + item);
        }
        return scale;
    }
}

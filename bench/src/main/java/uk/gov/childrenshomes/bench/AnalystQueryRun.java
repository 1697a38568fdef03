package uk.gov.childrenshomes.bench;

import uk.gov.childrenshomes.bench.BenchRun.DatabaseSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@code ./datapack bench --analyst-queries} run measured: the years it loaded, the warehouse they
 * made, and each example query's warm timings.
 *
 * @param loadAverage the machine's 1-minute load average when the queries started (above the core count, other work
 *                    competed with them)
 * @param failure     what stopped the run or which stages failed; null when everything completed
 */
record AnalystQueryRun(String command, String startedAt, BenchRun.Machine machine, String warehouse, double scale,
                       List<YearLoad> years, Map<String, Long> coreFactRows, DatabaseSize databaseSize, double loadAverage,
                       int runs, List<QueryTiming> queries, String failure) {

    /** The issue 4 target: every typical analyst query answers in under 200 ms warm. */
    static final double TARGET_MILLIS = 200;

    boolean succeeded() {
        return failure == null;
    }

    /** One collection year through generate and ingest. */
    record YearLoad(int year, BenchRun.StageResult generate, BenchRun.StageResult ingest) {
    }

    /**
     * One example query: its timed runs (milliseconds from execution to the last row fetched, after a warm-up run),
     * or the error that stopped it.
     */
    record QueryTiming(String question, String sql, long rows, List<Double> millis, String error) {

        double median() {
            List<Double> sorted = new ArrayList<>(millis);
            sorted.sort(Double::compare);
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        }

        double max() {
            return millis.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        }

        /** Under the target warm: the median, so one run slowed by the shared machine does not decide it. */
        boolean meetsTarget() {
            return error == null && median() < TARGET_MILLIS;
        }
    }
}

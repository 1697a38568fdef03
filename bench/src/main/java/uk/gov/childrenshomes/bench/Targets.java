package uk.gov.childrenshomes.bench;

import uk.gov.childrenshomes.bench.BenchRun.JvmPeak;
import uk.gov.childrenshomes.bench.BenchRun.ScaleResult;
import uk.gov.childrenshomes.bench.BenchRun.StageResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The targets of issue 8 (on 2 cores and 24 GiB) and the ratios they are stated in, computed from a {@link BenchRun}.
 * A target whose scale was not in the run, or failed (any stage), is not measured rather than met or missed; the
 * ratios are still computed wherever their own figures exist, for the report.
 */
public final class Targets {

    public static final double SCALE_1_SECONDS = 90;
    public static final double INGEST_SHARE_OF_COPY = 0.5;
    public static final double PUBLISH_TIMES_PLAIN_SQL = 2;
    public static final long HEAP_LIMIT_BYTES = 2L << 30;
    public static final double SCALE_10_TIMES_SCALE_1 = 12;

    public enum Verdict { MET, MISSED, NOT_MEASURED }

    /** One target: what it asks, what was measured (in words and figures), and the verdict. */
    public record Check(String target, String measured, Verdict verdict) {
    }

    /**
     * The ratios of one scale; a null value could not be computed (a stage or baseline missing).
     *
     * @param ingestShareOfCopy       ingest rows per second ÷ raw COPY rows per second
     * @param publishTimesPlainSql    publish wall time ÷ plain-SQL aggregation time
     * @param timeTimesScale1         (ingest + publish) time ÷ the same at scale 1
     */
    public record Ratios(double scale, Double ingestShareOfCopy, Double publishTimesPlainSql, Double timeTimesScale1) {
    }

    private Targets() {
    }

    /** Ingest plus publish wall time, the "end to end" of the targets (generation is the LAs' part, not ours). */
    public static Optional<Double> endToEndSeconds(ScaleResult scale) {
        StageResult ingest = scale.stage("ingest");
        StageResult publish = scale.stage("publish");
        if (ingest == null || publish == null || !ingest.succeeded() || !publish.succeeded()) {
            return Optional.empty();
        }
        return Optional.of(ingest.wallSeconds() + publish.wallSeconds());
    }

    public static Ratios ratios(BenchRun run, ScaleResult scale) {
        StageResult ingest = scale.stage("ingest");
        StageResult publish = scale.stage("publish");
        Double ingestShare = ingest != null && ingest.succeeded() && ingest.rowsPerSecond() != null
                && scale.copyBaseline() != null && scale.copyBaseline().rowsPerSecond() > 0
                ? ingest.rowsPerSecond() / scale.copyBaseline().rowsPerSecond() : null;
        Double publishTimes = publish != null && publish.succeeded() && scale.sqlBaseline() != null
                && scale.sqlBaseline().complete() && scale.sqlBaseline().seconds() > 0
                ? publish.wallSeconds() / scale.sqlBaseline().seconds() : null;
        Optional<Double> scale1 = scaleOf(run, 1).flatMap(Targets::endToEndSeconds);
        Double timeTimes = scale1.isPresent() ? endToEndSeconds(scale).map(seconds -> seconds / scale1.get()).orElse(null) : null;
        return new Ratios(scale.scale(), ingestShare, publishTimes, timeTimes);
    }

    public static List<Check> evaluate(BenchRun run) {
        List<Check> checks = new ArrayList<>();
        Optional<ScaleResult> scale1 = scaleOf(run, 1);
        Optional<ScaleResult> scale10 = scaleOf(run, 10);

        String endToEnd = "Scale 1 end to end (ingest all LAs + publish) ≤ " + number(SCALE_1_SECONDS, 0) + " s";
        checks.add(scale1.filter(ScaleResult::succeeded).flatMap(Targets::endToEndSeconds)
                .map(seconds -> new Check(endToEnd, number(seconds, 1) + " s", verdict(seconds <= SCALE_1_SECONDS)))
                .orElseGet(() -> notMeasured(endToEnd, 1, scale1, "ingest or publish")));

        String ingestTarget = "Scale 1 ingest throughput ≥ " + percent(INGEST_SHARE_OF_COPY) + " of raw COPY";
        checks.add(scale1.filter(ScaleResult::succeeded).map(scale -> ratios(run, scale))
                .filter(ratios -> ratios.ingestShareOfCopy() != null)
                .map(ratios -> new Check(ingestTarget, percent(ratios.ingestShareOfCopy()) + " of COPY (rows per second)",
                        verdict(ratios.ingestShareOfCopy() >= INGEST_SHARE_OF_COPY)))
                .orElseGet(() -> notMeasured(ingestTarget, 1, scale1, "ingest or the COPY baseline")));

        String publishTarget = "Scale 1 publish ≤ " + number(PUBLISH_TIMES_PLAIN_SQL, 0) + "× the plain-SQL aggregation time";
        checks.add(scale1.filter(ScaleResult::succeeded).map(scale -> ratios(run, scale))
                .filter(ratios -> ratios.publishTimesPlainSql() != null)
                .map(ratios -> new Check(publishTarget, number(ratios.publishTimesPlainSql(), 1) + "×",
                        verdict(ratios.publishTimesPlainSql() <= PUBLISH_TIMES_PLAIN_SQL)))
                .orElseGet(() -> notMeasured(publishTarget, 1, scale1, "publish or the plain-SQL baseline")));

        String heapTarget = "Scale 10 completes with every JVM inside a 2 GiB heap";
        checks.add(scale10.filter(ScaleResult::succeeded).map(scale -> heapCheck(heapTarget, scale))
                .orElseGet(() -> notMeasured(heapTarget, 10, scale10, "a stage")));

        String linearTarget = "Scale 10 time ≤ " + number(SCALE_10_TIMES_SCALE_1, 0) + "× scale 1 (ingest + publish)";
        if (scale1.isEmpty()) {
            checks.add(notMeasured(linearTarget, 1, scale1, ""));
        } else {
            checks.add(scale10.filter(scale -> scale.succeeded() && scale1.get().succeeded()).map(scale -> ratios(run, scale))
                    .filter(ratios -> ratios.timeTimesScale1() != null)
                    .map(ratios -> new Check(linearTarget, number(ratios.timeTimesScale1(), 1) + "× scale 1",
                            verdict(ratios.timeTimesScale1() <= SCALE_10_TIMES_SCALE_1)))
                    .orElseGet(() -> scale1.get().succeeded()
                            ? notMeasured(linearTarget, 10, scale10, "ingest or publish")
                            : notMeasured(linearTarget, 1, scale1, "ingest or publish")));
        }
        return checks;
    }

    /**
     * Every JVM's heap in use stayed within the limit: the largest occupancy its GC log shows (garbage included) is
     * what it needed at most, so it runs inside a heap of that size. JVMs allowed a larger maximum (the launcher's
     * own short JVMs run without -Xmx) are named in the figures, as the place where a cap is missing.
     */
    private static Check heapCheck(String target, ScaleResult scale) {
        List<JvmPeak> jvms = scale.stages().stream().flatMap(stage -> stage.jvms().stream()).toList();
        Optional<JvmPeak> unknown = jvms.stream().filter(jvm -> jvm.peakHeapUsedBytes() == null).findFirst();
        if (unknown.isPresent()) {
            return new Check(target, "no heap figures in the GC log of JVM " + unknown.get().pid() + " ("
                    + unknown.get().label() + ")", Verdict.NOT_MEASURED);
        }
        JvmPeak largest = jvms.stream().max(Comparator.comparingLong(JvmPeak::peakHeapUsedBytes)).orElseThrow();
        List<String> uncapped = jvms.stream()
                .filter(jvm -> jvm.maxHeapBytes() != null && jvm.maxHeapBytes() > HEAP_LIMIT_BYTES)
                .map(JvmPeak::label).distinct().toList();
        String measured = "largest heap in use " + Units.bytes(largest.peakHeapUsedBytes()) + " (" + largest.label() + ")"
                + (uncapped.isEmpty() ? "; every JVM capped at ≤ 2 GiB"
                : "; max heap above 2 GiB allowed to: " + String.join(", ", uncapped));
        return new Check(target, measured, verdict(largest.peakHeapUsedBytes() <= HEAP_LIMIT_BYTES));
    }

    private static Check notMeasured(String target, double scaleNumber, Optional<ScaleResult> scale, String what) {
        String reason = scale.isEmpty() ? "scale " + Units.scale(scaleNumber) + " not in this run"
                : scale.get().failure() != null ? "scale " + Units.scale(scaleNumber) + " failed: " + scale.get().failure()
                : "scale " + Units.scale(scaleNumber) + ": " + what + " did not complete";
        return new Check(target, reason, Verdict.NOT_MEASURED);
    }

    static Optional<ScaleResult> scaleOf(BenchRun run, double scale) {
        return run.scales().stream().filter(result -> result.scale() == scale).findFirst();
    }

    private static Verdict verdict(boolean met) {
        return met ? Verdict.MET : Verdict.MISSED;
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}

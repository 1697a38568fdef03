package uk.gov.childrenshomes.bench;

import org.junit.jupiter.api.Test;
import uk.gov.childrenshomes.bench.Targets.Check;
import uk.gov.childrenshomes.bench.Targets.Verdict;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetsTest {

    @Test
    void judgesEachTargetOfIssue8OnTheFiguresOfTheRun() {
        List<Check> checks = Targets.evaluate(BenchRunFixture.completed());

        assertEquals(List.of(Verdict.MET, Verdict.MISSED, Verdict.MET, Verdict.MISSED, Verdict.MET),
                checks.stream().map(Check::verdict).toList());
        assertEquals("70.0 s", checks.get(0).measured());
        assertEquals("25% of COPY (rows per second)", checks.get(1).measured());
        assertEquals("1.5×", checks.get(2).measured());
        assertEquals("largest heap in use 2.44 GiB (PublishCli); max heap above 2 GiB allowed to: PublishCli",
                checks.get(3).measured());
        assertEquals("10.0× scale 1", checks.get(4).measured());
    }

    @Test
    void aJvmAllowedAMaximumAbove2GiBThatNeverUsedItStaysInsideTheHeapTargetAndIsNamed() {
        BenchRun.ScaleResult scale10 = BenchRunFixture.scale10(null);
        List<BenchRun.StageResult> stages = scale10.stages().stream().map(stage -> !stage.name().equals("publish") ? stage
                : new BenchRun.StageResult(stage.name(), stage.command(), stage.wallSeconds(), stage.rows(),
                stage.rowsMeaning(), stage.exitCode(), stage.logFile(), stage.loadBefore(), stage.loadAfter(), List.of(new BenchRun.JvmPeak(61, "PublishCli",
                BenchRunFixture.GIB, 4 * BenchRunFixture.GIB, 1536 * BenchRunFixture.MIB)), stage.commandCpuSeconds(),
                stage.databaseCpuSeconds())).toList();
        BenchRun run = BenchRunFixture.run(List.of(BenchRunFixture.scale1(), new BenchRun.ScaleResult(10, 2025,
                scale10.workFolder(), stages, scale10.copyBaseline(), scale10.sqlBaseline(), scale10.databaseSize(),
                scale10.coreFactRows(), null)));

        Check heap = Targets.evaluate(run).get(3);

        assertEquals(Verdict.MET, heap.verdict());
        assertEquals("largest heap in use 1.86 GiB (datapack-jobs.jar ingest); max heap above 2 GiB allowed to: PublishCli",
                heap.measured());
    }

    @Test
    void computesTheRatiosOfEachScale() {
        BenchRun run = BenchRunFixture.completed();

        Targets.Ratios scale1 = Targets.ratios(run, run.scales().get(0));
        Targets.Ratios scale10 = Targets.ratios(run, run.scales().get(1));

        assertEquals(0.25, scale1.ingestShareOfCopy(), 1e-9);
        assertEquals(1.5, scale1.publishTimesPlainSql(), 1e-9);
        assertEquals(1.0, scale1.timeTimesScale1(), 1e-9);
        assertEquals(0.2, scale10.ingestShareOfCopy(), 1e-9);
        assertEquals(2.0, scale10.publishTimesPlainSql(), 1e-9);
        assertEquals(10.0, scale10.timeTimesScale1(), 1e-9);
    }

    @Test
    void aFailedScaleLeavesItsTargetsNotMeasuredAndSaysWhichStageFailed() {
        List<Check> checks = Targets.evaluate(BenchRunFixture.scale10IngestFailed());

        assertEquals(List.of(Verdict.MET, Verdict.MISSED, Verdict.MET, Verdict.NOT_MEASURED, Verdict.NOT_MEASURED),
                checks.stream().map(Check::verdict).toList());
        assertTrue(checks.get(3).measured().contains("ingest failed with exit code 1; log: /work/scale-10/logs/ingest.log"),
                checks.get(3).measured());
        assertTrue(checks.get(4).measured().startsWith("scale 10 failed: ingest failed"), checks.get(4).measured());
    }

    @Test
    void targetsOfScalesNotInTheRunAreNotMeasured() {
        List<Check> checks = Targets.evaluate(BenchRunFixture.run(List.of(BenchRunFixture.scale10(null))));

        assertEquals(List.of(Verdict.NOT_MEASURED, Verdict.NOT_MEASURED, Verdict.NOT_MEASURED, Verdict.MISSED,
                Verdict.NOT_MEASURED), checks.stream().map(Check::verdict).toList());
        assertEquals("scale 1 not in this run", checks.get(0).measured());
        assertEquals("scale 1 not in this run", checks.get(4).measured());
    }
}

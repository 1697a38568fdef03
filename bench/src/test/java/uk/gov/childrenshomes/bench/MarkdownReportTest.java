package uk.gov.childrenshomes.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownReportTest {

    @Test
    void rendersTheMachineTheCommandTheTargetsAndEveryFigure() {
        String report = MarkdownReport.render(BenchRunFixture.completed());

        assertContains(report, "- Command: `./datapack bench --scales 1,10`");
        assertContains(report, "- Machine: 2 cores (AMD EPYC), 24.00 GiB memory, Linux 6.1 amd64");
        assertContains(report, "- Java: OpenJDK 64-Bit Server VM 17.0.15; warehouse: PostgreSQL 17.6");
        assertContains(report, "| Scale 1 end to end (ingest all LAs + publish) ≤ 90 s | 70.0 s | **met** |");
        assertContains(report, "| Scale 1 ingest throughput ≥ 50% of raw COPY | 25% of COPY (rows per second) | **missed** |");
        assertContains(report, "| 1 | ingest | 40.0 | 32.0 | 24.0 | 1,000,000 | 25,000 | 1.50 GiB | 0.5 → 2.4 | 0 |");
        assertContains(report, "| 10 | publish | 200.0 | 160.0 | 120.0 | 4,000,000 | 20,000 | 3.00 GiB | 0.5 → 2.4 | 0 |");
        assertContains(report, "| 1 | 1500 | 900,000 | 300.0 | 9.0 | 100,000 | 2 | 40 files, 20.0 MiB | 20.0 | 15,000 |");
        assertContains(report, "| 1 | 25% | 1.50× | 1.00× |");
        assertContains(report, "| 10 | 20% | 2.00× | 10.00× |");
        assertContains(report, "| 10 | publish | PublishCli | 3.00 GiB | 4.00 GiB | 2.44 GiB |");
        assertContains(report, "| 1 | 3.00 GiB | landing 2.00 GiB, core 1.00 GiB | fact_looked_after_31_march 82,000 |");
        assertContains(report, "None: every stage of every scale completed.");
    }

    @Test
    void aFailedStageIsNamedWithItsLog() {
        String report = MarkdownReport.render(BenchRunFixture.scale10IngestFailed());

        assertContains(report, "- scale 10: ingest failed with exit code 1; log: /work/scale-10/logs/ingest.log");
        assertContains(report, "| 10 | ingest | 12.0 | 9.6 | 7.2 | – | – | 700 MiB | 0.5 → 2.4 | 1 |");
        assertContains(report, "| Scale 10 completes with every JVM inside a 2 GiB heap | scale 10 failed: ingest failed");
    }

    private static void assertContains(String report, String expected) {
        assertTrue(report.contains(expected), () -> "expected\n  " + expected + "\nin\n" + report);
    }
}

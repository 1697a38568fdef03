package uk.gov.childrenshomes.reliability;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.reliability.support.ChildProcess;
import uk.gov.childrenshomes.reliability.support.HostileFiles;
import uk.gov.childrenshomes.reliability.support.Inbox;
import uk.gov.childrenshomes.reliability.support.Pipeline;
import uk.gov.childrenshomes.reliability.support.Submissions;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The literal cases, slow (they write and scan hundreds of megabytes; run by {@code -Preliability-slow}),
 * each beside an honest LA, with the file size limit set to 512 MB and a heap of a quarter of that: 1 GB of one
 * repeated line is refused by size (DP007) before it is parsed; a 300 MB line under the size limit is refused as one
 * record past the record limit (DP076) by the scan before parsing. Memory stays bounded and the honest LA loads.
 */
@Tag("slow")
@ExtendWith(WarehouseExtension.class)
class HugeFileSlowTest {

    private static final String HONEST = "E06000002";
    private static final String HUGE = "E06000003";
    private static final String LONG_LINE = "E06000004";

    @Test
    void aGigabyteSingleLineFileIsRefusedBySizeWithinABoundedHeap(WarehouseConnection warehouse, @TempDir Path work) {
        assertRefusedBesideAnHonestLa(warehouse, work, HUGE, 1L << 30, "DP007");
    }

    /**
     * The record limit's literal case: one 300 MB line, under the 512 MB file size limit and larger than the 128 MB
     * heap. The scan before parsing finds the record past the (default 1 MB) record limit: DP076, bounded memory.
     */
    @Test
    void aLineLargerThanTheHeapUnderTheSizeLimitIsRefusedAsOneOverlongRecord(WarehouseConnection warehouse, @TempDir Path work) {
        assertRefusedBesideAnHonestLa(warehouse, work, LONG_LINE, 300L << 20, "DP076");
    }

    /**
     * Sends {@code laCode} a missing return of one line of {@code bytes} beside the honest LA's return, ingests them
     * with a 128 MB heap and a 512 MB file size limit, and checks the line's file is rejected under {@code rule}
     * (accounted for) while the honest LA loads in full.
     */
    private static void assertRefusedBesideAnHonestLa(WarehouseConnection warehouse, Path work, String laCode, long bytes,
                                                      String rule) {
        Pipeline pipeline = new Pipeline(warehouse, work);
        Submissions submissions = new Submissions(warehouse);
        Inbox template = Inbox.generated(pipeline, work.resolve("template"), 0.02, List.of(Inbox.TEMPLATE_LA));
        Inbox inbox = Inbox.empty(work.resolve("inbox"));
        inbox.writeMissing(HONEST, template.missingReturnLinesAs(HONEST));
        HostileFiles.writeSingleLine(inbox.write(laCode, "missing", Inbox.missingFileName(laCode), ""), bytes);

        ChildProcess.Result ingest = pipeline.startIngest("ingest-line-of-" + bytes + "-bytes", inbox.root(),
                List.of("-Xmx128m", "-Ddatapack.ingest.maximum-file-bytes=" + (512L << 20))).waitFor();

        assertEquals(0, ingest.exitCode(), ingest::describe);
        Map<String, Object> refused = submissions.only(laCode, "missing");
        submissions.assertAccounted(refused);
        assertEquals("rejected", refused.get("state"));
        assertTrue(submissions.ruleCodes(Submissions.id(refused)).contains(rule), refused::toString);
        Map<String, Object> honest = submissions.only(HONEST, "missing");
        assertEquals("loaded", honest.get("state"));
        assertEquals(template.dataRows(Inbox.TEMPLATE_LA, "missing"), Submissions.count(honest, "rows_loaded"));
    }
}

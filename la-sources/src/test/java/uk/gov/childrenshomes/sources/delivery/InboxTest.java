package uk.gov.childrenshomes.sources.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.sources.pull.PullFailure;
import uk.gov.childrenshomes.sources.registry.ReturnCode;
import uk.gov.childrenshomes.sources.registry.SourceKey;

class InboxTest {

    private static final SourceKey HARTLEPOOL_MISSING = new SourceKey("E06000001", ReturnCode.MISSING);

    @TempDir
    Path dir;

    @Test
    void aStagedFileAppearsInTheReturnFolderOnlyWhenDeliveredAndReplacesTheEarlierVersion() throws Exception {
        Inbox inbox = new Inbox(dir.resolve("inbox"));
        Path target = inbox.returnFolder(HARTLEPOOL_MISSING).resolve("missing.csv");

        deliver(inbox, "first\n");
        try (StagedFile staged = inbox.stage(HARTLEPOOL_MISSING)) {
            staged.copyFrom(new ByteArrayInputStream("second\n".getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE, bytes -> { });
            assertEquals("first\n", Files.readString(target), "not visible before delivery");
            staged.deliverAs(SafeFileName.of("missing.csv"));
        }
        try (StagedFile abandoned = inbox.stage(HARTLEPOOL_MISSING)) {
            abandoned.copyFrom(new ByteArrayInputStream("third\n".getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE, bytes -> { });
        }

        assertEquals("second\n", Files.readString(target));
        try (Stream<Path> incoming = Files.list(dir.resolve("inbox/E06000001/.pull-state/incoming"))) {
            assertEquals(0, incoming.count(), "an abandoned download leaves nothing behind");
        }
    }

    @Test
    void refusesADownloadLargerThanItsLimitAndLeavesNothing() throws Exception {
        Inbox inbox = new Inbox(dir.resolve("inbox"));

        PullFailure tooLarge;
        try (StagedFile staged = inbox.stage(HARTLEPOOL_MISSING)) {
            tooLarge = assertThrows(PullFailure.class, () -> staged.copyFrom(
                    new ByteArrayInputStream(new byte[200_000]), 100_000, bytes -> { }));
        }

        assertEquals("the file is larger than max-file-size (100000 bytes); nothing delivered", tooLarge.reason());
        assertFalse(tooLarge.retryable());
        try (Stream<Path> incoming = Files.list(dir.resolve("inbox/E06000001/.pull-state/incoming"))) {
            assertEquals(0, incoming.count());
        }
    }

    @Test
    void refusesToWriteThroughASymbolicLinkOutOfTheInbox() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path laFolder = Files.createDirectories(dir.resolve("inbox/E06000001"));
        Files.createSymbolicLink(laFolder.resolve("missing"), elsewhere);
        Inbox inbox = new Inbox(dir.resolve("inbox"));

        PullFailure refused = assertThrows(PullFailure.class, () -> inbox.stage(HARTLEPOOL_MISSING));

        assertTrue(refused.reason().contains("is a symbolic link"), refused.reason());
        assertFalse(refused.retryable());
        try (Stream<Path> written = Files.list(elsewhere)) {
            assertEquals(0, written.count());
        }
    }

    private static void deliver(Inbox inbox, String content) throws Exception {
        try (StagedFile staged = inbox.stage(HARTLEPOOL_MISSING)) {
            staged.copyFrom(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE, bytes -> { });
            staged.deliverAs(SafeFileName.of("missing.csv"));
        }
    }
}

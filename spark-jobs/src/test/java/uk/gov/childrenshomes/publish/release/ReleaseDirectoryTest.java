package uk.gov.childrenshomes.publish.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReleaseDirectoryTest {

    @TempDir
    Path out;

    @Test
    void numbersReleasesPerYearAfterThoseInTheFolderAndInTheWarehouse() throws Exception {
        Files.createDirectories(out.resolve("2025-r001"));
        Files.createDirectories(out.resolve("2024-r007"));
        ReleaseDirectory next = ReleaseDirectory.allocate(out, 2025, Optional.empty());
        assertEquals("2025-r002", next.releaseId());
        assertEquals(Optional.of("2025-r001"), next.previousReleaseId(), "changes.md compares with it");
        next.abandon();

        ReleaseDirectory afterWarehouse = ReleaseDirectory.allocate(out, 2025, Optional.of("2025-r004"));
        assertEquals("2025-r005", afterWarehouse.releaseId(), "a release loaded from another output folder counts");
        afterWarehouse.abandon();
    }

    @Test
    void aReleaseAppearsWholeAndReadOnlyAndAnAbandonedOneLeavesNothing() throws Exception {
        ReleaseDirectory release = ReleaseDirectory.allocate(out, 2025, Optional.empty());
        Files.writeString(release.staging().resolve("manifest.json"), "{}\n");
        assertFalse(Files.exists(out.resolve("2025-r001")), "not visible while being written");

        Path published = release.commit();
        release.abandon();

        assertEquals(out.resolve("2025-r001"), published);
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(published.resolve("manifest.json"))));
        assertEquals("r-xr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(published)));

        ReleaseDirectory failed = ReleaseDirectory.allocate(out, 2025, Optional.empty());
        Files.writeString(failed.staging().resolve("data.csv"), "x\n");
        failed.abandon();
        try (var children = Files.list(out)) {
            assertEquals(1, children.count(), "only 2025-r001");
        }
        assertTrue(Files.isDirectory(published));
    }
}

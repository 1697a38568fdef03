package uk.gov.childrenshomes.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterReleaseTest {

    @TempDir
    Path work;

    @Test
    void countsTheFilesOfEachKindThatTheClusterReleaseHasWithTheSameBytes() throws Exception {
        Path local = release("releases/2025-r001", "a,b\n1,2\n", "x,y\n3,4\n", new byte[]{1, 2, 3});
        Path cluster = release("releases-cluster/2025-r002", "a,b\n1,2\n", "x,y\n3,5\n", new byte[]{1, 2, 3});

        ClusterRelease.Comparison comparison = ClusterRelease.compare(local.getParent(), cluster.getParent());

        assertEquals(new ClusterRelease.Comparison(2, 1, 1, 1), comparison);
        assertFalse(comparison.dataFilesIdentical());
        assertEquals("data files byte-identical to the local release: 1 of 2; Parquet: 1 of 1", comparison.describe());

        Files.writeString(cluster.resolve("data/second.csv"), "x,y\n3,4\n");
        Files.delete(cluster.resolve("parquet/first.parquet"));
        ClusterRelease.Comparison fixed = ClusterRelease.compare(local.getParent(), cluster.getParent());
        assertTrue(fixed.dataFilesIdentical());
        assertEquals(0, fixed.parquetIdentical(), "a file missing from the cluster release is not identical");
    }

    @Test
    void readsTheMasterUrlThatClusterUpRecorded() throws Exception {
        Path home = Files.createDirectories(work.resolve("home/spark-cluster"));
        Files.writeString(home.resolve("cluster.properties"), "url=spark\\://127.0.0.1\\:40123\nmaster-ui-port=40124\n");
        assertEquals("spark://127.0.0.1:40123", ClusterRelease.masterUrl(work.resolve("home")));
    }

    private Path release(String folder, String first, String second, byte[] parquet) throws Exception {
        Path release = Files.createDirectories(work.resolve(folder));
        Files.createDirectories(release.resolve("data"));
        Files.createDirectories(release.resolve("parquet"));
        Files.writeString(release.resolve("data/first.csv"), first);
        Files.writeString(release.resolve("data/second.csv"), second);
        Files.write(release.resolve("parquet/first.parquet"), parquet);
        Files.writeString(release.resolve("manifest.json"), "{\"release\":\"" + folder + "\"}");
        return release;
    }
}

package uk.gov.childrenshomes.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** What the bench needs of a publish through a local Spark cluster: the master's URL and the release it wrote. */
final class ClusterRelease {

    private ClusterRelease() {
    }

    /**
     * The comparison of a cluster release with the local one, per kind of file ({@code data/} EES files, {@code
     * parquet/}). A file counts as identical only when both releases have it with the same bytes.
     */
    record Comparison(int dataFiles, int dataIdentical, int parquetFiles, int parquetIdentical) {
        boolean dataFilesIdentical() {
            return dataFiles > 0 && dataIdentical == dataFiles;
        }

        String describe() {
            return String.format("data files byte-identical to the local release: %d of %d; Parquet: %d of %d",
                    dataIdentical, dataFiles, parquetIdentical, parquetFiles);
        }
    }

    /** The URL {@code ./datapack cluster up} recorded in DATAPACK_HOME/spark-cluster/cluster.properties. */
    static String masterUrl(Path datapackHome) {
        Properties state = new Properties();
        try (Reader reader = Files.newBufferedReader(datapackHome.resolve("spark-cluster/cluster.properties"),
                StandardCharsets.UTF_8)) {
            state.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the cluster's URL: " + e.getMessage(), e);
        }
        return state.getProperty("url");
    }

    /** Compares the one release under {@code localOut} with the one under {@code clusterOut}. */
    static Comparison compare(Path localOut, Path clusterOut) {
        Path local = onlyRelease(localOut);
        Path cluster = onlyRelease(clusterOut);
        List<String> data = files(local, "data");
        List<String> parquet = files(local, "parquet");
        return new Comparison(data.size(), identical(local, cluster, data), parquet.size(), identical(local, cluster, parquet));
    }

    private static int identical(Path local, Path cluster, List<String> files) {
        int same = 0;
        for (String file : files) {
            try {
                Path other = cluster.resolve(file);
                if (Files.isRegularFile(other) && Arrays.equals(Files.readAllBytes(local.resolve(file)), Files.readAllBytes(other))) {
                    same++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot compare " + file + ": " + e.getMessage(), e);
            }
        }
        return same;
    }

    private static Path onlyRelease(Path out) {
        try (Stream<Path> releases = Files.list(out)) {
            List<Path> folders = releases.filter(Files::isDirectory).toList();
            if (folders.size() != 1) {
                throw new IllegalStateException("Expected one release in " + out + ", found " + folders);
            }
            return folders.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + out + ": " + e.getMessage(), e);
        }
    }

    private static List<String> files(Path release, String kind) {
        Path folder = release.resolve(kind);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).map(path -> release.relativize(path).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}

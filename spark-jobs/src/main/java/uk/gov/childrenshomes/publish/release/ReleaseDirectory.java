package uk.gov.childrenshomes.publish.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory of one release under the output folder: {@code <year>-r<NNN>}, numbered after the releases of the
 * same year already there or already loaded into the warehouse. Files are written into a hidden staging directory and the whole release appears at
 * once by an atomic rename; it is then made read-only. A release directory is never rewritten: a re-publish gets
 * the next id.
 */
public final class ReleaseDirectory {

    private static final Pattern RELEASE_ID = Pattern.compile("(\\d{4})-r(\\d{3})");

    private final Path out;
    private final String releaseId;
    private final Optional<String> previousId;
    private final Path staging;

    private ReleaseDirectory(Path out, String releaseId, Optional<String> previousId, Path staging) {
        this.out = out;
        this.releaseId = releaseId;
        this.previousId = previousId;
        this.staging = staging;
    }

    /**
     * Allocates the next release id of {@code year}, after both the releases under {@code out} and
     * {@code latestPublished} (the latest in the warehouse, which may have come from another output folder), and
     * creates its staging directory.
     */
    public static ReleaseDirectory allocate(Path out, int year, Optional<String> latestPublished) throws IOException {
        Files.createDirectories(out);
        Optional<String> previous = releasesOf(out, year).stream().reduce((a, b) -> b);
        int next = Math.max(previous.map(ReleaseDirectory::number).orElse(0),
                latestPublished.map(ReleaseDirectory::number).orElse(0)) + 1;
        if (next > 999) {
            throw new IllegalStateException("Year " + year + " already has 999 releases under " + out);
        }
        String id = "%d-r%03d".formatted(year, next);
        Path staging = Files.createDirectory(out.resolve(".staging-" + id + "-" + UUID.randomUUID()));
        return new ReleaseDirectory(out, id, previous, staging);
    }

    private static int number(String releaseId) {
        return Integer.parseInt(releaseId.substring(6));
    }

    /** Release ids of {@code year} under {@code out}, ascending. */
    static List<String> releasesOf(Path out, int year) throws IOException {
        try (Stream<Path> children = Files.list(out)) {
            return children.map(p -> p.getFileName().toString())
                    .map(RELEASE_ID::matcher)
                    .filter(m -> m.matches() && Integer.parseInt(m.group(1)) == year)
                    .map(Matcher::group)
                    .sorted()
                    .toList();
        }
    }

    public String releaseId() {
        return releaseId;
    }

    /** The latest earlier release of the same year, if any (for changes.md). */
    public Optional<Path> previousRelease() {
        return previousId.map(out::resolve);
    }

    public Optional<String> previousReleaseId() {
        return previousId;
    }

    /** Where files are written until {@link #commit()}. */
    public Path staging() {
        return staging;
    }

    /** Makes the release appear, complete, under its id, read-only. */
    public Path commit() throws IOException {
        Path target = out.resolve(releaseId);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            throw new IOException("Release " + releaseId + " was written by another publish meanwhile; publish again", e);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The output folder " + out + " does not support atomic renames", e);
        }
        makeReadOnly(target);
        return target;
    }

    /** Removes the staging directory of a release that failed. */
    public void abandon() {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(staging)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not remove the staging directory " + staging + ": " + e.getMessage());
        }
    }

    private static void makeReadOnly(Path release) throws IOException {
        try (Stream<Path> paths = Files.walk(release)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
    }
}

package uk.gov.childrenshomes.jobs.ingest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.childrenshomes.jobs.source.ReturnDelivery;
import uk.gov.childrenshomes.jobs.validation.ReturnSpecification;
import uk.gov.childrenshomes.jobs.validation.ReturnSpecifications;
import uk.gov.childrenshomes.jobs.validation.TableSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what an LA delivered into a submission in ops.submission, identified by its content (SHA-256 over the
 * files' names and bytes): the same content sent again is the same submission, and once it has been decided
 * (loaded, rejected or superseded) it is not processed again. Content left unfinished by an interrupted run is
 * taken on again by the next one.
 */
@Component
public class SubmissionRegistrar {

    private static final Set<String> DECIDED = Set.of("loaded", "rejected", "superseded");

    private final JdbcTemplate jdbc;
    private final ReturnSpecifications specifications;

    public SubmissionRegistrar(JdbcTemplate jdbc, ReturnSpecifications specifications) {
        this.jdbc = jdbc;
        this.specifications = specifications;
    }

    /** A delivery as registered: the submission it is, and whether it still has to be loaded. */
    public record Registration(ReturnDelivery delivery, long submissionId, boolean toLoad) {
    }

    private record RegisteredFile(String fileName, String tableName, Path path, String sha256, long bytes) {
    }

    /** Creates the run that takes on the registered submissions. */
    public long newIngestRun(int collectionYear, Path inbox, List<String> requestedLas) {
        return jdbc.queryForObject("""
                INSERT INTO ops.ingest_run (collection_year, inbox, requested_las) VALUES (?, ?, ?) RETURNING ingest_run_id
                """, Long.class, collectionYear, inbox.toString(), requestedLas.isEmpty() ? null : requestedLas.toArray(String[]::new));
    }

    @Transactional
    public Registration register(long ingestRunId, ReturnDelivery delivery, int collectionYear) {
        ReturnSpecification specification = specifications.forYear(delivery.returnCode(), collectionYear);
        List<RegisteredFile> files = classify(delivery.files(), specification);
        MessageDigest content = sha256();
        long bytes = 0;
        for (RegisteredFile file : files) {
            content.update(file.fileName().getBytes(StandardCharsets.UTF_8));
            content.update((byte) 0);
            content.update(HexFormat.of().parseHex(file.sha256()));
            bytes += file.bytes();
        }
        String contentSha256 = HexFormat.of().formatHex(content.digest());
        Optional<Long> created = jdbc.query("""
                INSERT INTO ops.submission (la_code, return_code, collection_year, source, content_sha256, content_bytes)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT submission_content_once DO NOTHING
                RETURNING submission_id
                """, (rs, row) -> rs.getLong(1), delivery.laCode(), delivery.returnCode(), collectionYear, delivery.source(),
                contentSha256, bytes).stream().findFirst();
        if (created.isPresent()) {
            for (RegisteredFile file : files) {
                jdbc.update("""
                        INSERT INTO ops.submission_file (submission_id, file_name, table_name, content_sha256, content_bytes, source_path)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """, created.get(), file.fileName(), file.tableName(), file.sha256(), file.bytes(), file.path().toString());
            }
        }
        long submissionId = created.orElseGet(() -> jdbc.queryForObject("""
                SELECT submission_id FROM ops.submission
                 WHERE la_code = ? AND return_code = ? AND collection_year = ? AND content_sha256 = ?
                """, Long.class, delivery.laCode(), delivery.returnCode(), collectionYear, contentSha256));
        String state = jdbc.queryForObject("SELECT state FROM ops.submission WHERE submission_id = ?", String.class, submissionId);
        boolean toLoad = !DECIDED.contains(state);
        if (toLoad) {
            if (created.isEmpty()) {
                // Unfinished content: the files may have moved since, so load them from where they are now.
                files.forEach(file -> jdbc.update("UPDATE ops.submission_file SET source_path = ? WHERE submission_id = ? AND file_name = ?",
                        file.path().toString(), submissionId, file.fileName()));
            }
            jdbc.update("INSERT INTO ops.ingest_run_submission (ingest_run_id, submission_id) VALUES (?, ?)", ingestRunId, submissionId);
        }
        return new Registration(delivery, submissionId, toLoad);
    }

    /**
     * Which table each file holds: the SSDA903 XML export holds them all; a file matching a table that already has
     * a file is a duplicate (the LA must say which one counts); anything else is unrecognised and reported.
     */
    private static List<RegisteredFile> classify(List<Path> paths, ReturnSpecification specification) {
        List<RegisteredFile> files = new ArrayList<>();
        Set<String> tablesTaken = new HashSet<>();
        for (Path path : paths.stream().sorted().toList()) {
            String name = path.getFileName().toString();
            String table;
            if (specification.returnCode().equals("ssda903") && name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
                table = SubmissionToLoad.ALL_TABLES;
            } else {
                table = specification.tableForFile(name).map(TableSpecification::name).orElse(SubmissionToLoad.UNRECOGNISED);
            }
            if (!table.equals(SubmissionToLoad.UNRECOGNISED) && !tablesTaken.add(table)) {
                table = SubmissionToLoad.DUPLICATE;
            }
            files.add(new RegisteredFile(name, table, path, sha256(path), size(path)));
        }
        return files;
    }

    private static String sha256(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}

package uk.gov.childrenshomes.publish.release;

import uk.gov.childrenshomes.publish.ees.EesTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * manifest.json, written last: what the release is (id, year, build time, code version, disclosure policy), what it
 * was built from (every accepted submission) and what it holds (every file with rows and SHA-256).
 */
public record Manifest(String releaseId, int reportingYear, Instant builtAt, String codeVersion,
                       Map<String, Object> disclosurePolicy, List<Integer> timeSeriesYears, List<EesTable> tables,
                       List<Submission> inputs, List<OutputFile> files) {

    public static final String FILE_NAME = "manifest.json";

    public String json() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("release_id", releaseId);
        manifest.put("reporting_year", reportingYear);
        manifest.put("built_at", builtAt.toString());
        manifest.put("code_version", codeVersion);
        manifest.put("disclosure_policy", disclosurePolicy);
        manifest.put("time_series_years", timeSeriesYears);
        manifest.put("geography_note", "LA rows use the LAs operating in the reporting year; earlier years are mapped"
                + " to successors through core.la_succession, and an LA split between successors is x for them"
                + " before the split (its children still count in regional and national rows)");
        List<Object> tableList = new ArrayList<>();
        for (EesTable table : tables) {
            tableList.add(Map.of("name", table.name(), "data_rows", table.rows().size()));
        }
        manifest.put("tables", tableList);
        List<Object> inputList = new ArrayList<>();
        for (Submission s : inputs) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("submission_id", s.submissionId());
            input.put("la_code", s.laCode());
            input.put("return_code", s.returnCode());
            input.put("collection_year", s.collectionYear());
            input.put("content_sha256", s.contentSha256());
            input.put("rows_received", s.rowsReceived());
            input.put("rows_accepted", s.rowsLoaded());
            input.put("rows_rejected", s.rowsRejected());
            inputList.add(input);
        }
        manifest.put("inputs", inputList);
        List<Object> fileList = new ArrayList<>();
        for (OutputFile file : files) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", file.path());
            entry.put("data_rows", file.dataRows());
            entry.put("bytes", file.bytes());
            entry.put("sha256", file.sha256());
            fileList.add(entry);
        }
        manifest.put("files", fileList);
        return Json.write(manifest);
    }

    public String policyJson() {
        return Json.write(disclosurePolicy);
    }

    /** Every file under the release directory so far, by path, with its checksum; table files carry their rows. */
    public static List<OutputFile> files(Path release, List<EesTable> tables) throws IOException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (EesTable table : tables) {
            rows.put("data/" + table.dataFileName(), (long) table.rows().size());
            rows.put("data/" + table.metaFileName(), (long) table.meta().size());
        }
        List<OutputFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(release)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                String relative = release.relativize(path).toString().replace('\\', '/');
                Long dataRows = rows.get(relative);
                if (dataRows == null && relative.startsWith("parquet/") && relative.endsWith(".parquet")) {
                    String table = relative.split("/")[1];
                    dataRows = tables.stream().filter(t -> t.name().equals(table)).findFirst()
                            .map(t -> (long) t.rows().size()).orElse(null);
                }
                files.add(new OutputFile(relative, dataRows, Files.size(path), CodeVersion.sha256(path)));
            }
        }
        return files;
    }
}

package uk.gov.childrenshomes.jobs.ingest;

import java.nio.file.Path;
import java.util.List;

/** {@code ingest --inbox DIR [--year YYYY] [--la CODE ...]}: an empty {@code laCodes} means every LA in the inbox. */
public record IngestRequest(Path inbox, int collectionYear, List<String> laCodes) {
}

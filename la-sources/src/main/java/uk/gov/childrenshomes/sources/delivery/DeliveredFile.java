package uk.gov.childrenshomes.sources.delivery;

import java.nio.file.Path;

/** A file now in the LA's return folder of the inbox, with the SHA-256 of its content. */
public record DeliveredFile(Path path, long bytes, String sha256) {
}

package uk.gov.childrenshomes.publish.release;

/** A file of a release as the manifest lists it. {@code dataRows} is null for files that are not tables. */
public record OutputFile(String path, Long dataRows, long bytes, String sha256) {
}

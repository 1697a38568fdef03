package uk.gov.childrenshomes.jobs.source;

import java.nio.file.Path;
import java.util.List;

/** The files an LA (or the national reference feed) has delivered for one return: one prospective submission. */
public record ReturnDelivery(String laCode, String returnCode, String source, List<Path> files) {
}

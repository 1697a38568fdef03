package uk.gov.childrenshomes.sources;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.gov.childrenshomes.sources.delivery.DeliveredFile;
import uk.gov.childrenshomes.sources.pull.PullFailure;
import uk.gov.childrenshomes.sources.pull.PullProgress;
import uk.gov.childrenshomes.sources.pull.Seconds;
import uk.gov.childrenshomes.sources.registry.SourceKey;

/**
 * What pulling one LA return did: status, files delivered, attempts, bytes received over all attempts, duration.
 *
 * @param failureReason why the pull failed, written by this module (never a secret or raw server text)
 */
public record PullReport(SourceKey source, String kind, PullStatus status, List<DeliveredFile> delivered,
                         int unchangedFiles, Optional<String> failureReason, int attempts, long bytesReceived,
                         Duration duration) {

    public static PullReport nothingToPull(SourceKey source, String kind) {
        return new PullReport(source, kind, PullStatus.NOTHING_TO_PULL, List.of(), 0, Optional.empty(), 0, 0,
                Duration.ZERO);
    }

    public static PullReport finished(SourceKey source, String kind, PullProgress progress, Duration duration) {
        PullStatus status = progress.deliveredFiles().isEmpty() ? PullStatus.UNCHANGED : PullStatus.DELIVERED;
        return new PullReport(source, kind, status, progress.deliveredFiles(), progress.unchangedFiles(),
                Optional.empty(), progress.attempts(), progress.bytesReceived(), duration);
    }

    public static PullReport failed(SourceKey source, String kind, PullProgress progress, PullFailure failure,
                                    Duration duration) {
        return new PullReport(source, kind, PullStatus.FAILED, progress.deliveredFiles(), progress.unchangedFiles(),
                Optional.of(failure.reason()), progress.attempts(), progress.bytesReceived(), duration);
    }

    /** One line for people and logs, e.g. {@code E06000001 missing   https  delivered 1 file (2,048 bytes) ...}. */
    public String statusLine() {
        String outcome = switch (status) {
            case DELIVERED -> "delivered " + files(delivered.size()) + " (" + bytes(deliveredBytes()) + ")"
                    + (unchangedFiles > 0 ? ", " + files(unchangedFiles) + " unchanged" : "");
            case UNCHANGED -> "unchanged" + (unchangedFiles > 1 ? " (" + files(unchangedFiles) + ")" : "");
            case NOTHING_TO_PULL -> "nothing to pull (the LA delivers to the inbox)";
            case FAILED -> "FAILED: " + failureReason.orElseThrow()
                    + (delivered.isEmpty() ? "" : " (" + files(delivered.size()) + " delivered before the failure)");
        };
        String effort = status == PullStatus.NOTHING_TO_PULL ? ""
                : String.format(Locale.ROOT, "; %d attempt%s, %s received, %s", attempts, attempts == 1 ? "" : "s",
                        bytes(bytesReceived), Seconds.of(duration));
        return String.format(Locale.ROOT, "%s %-9s %-5s %s%s", source.laCode(), source.returnCode().folderName(),
                kind, outcome, effort);
    }

    private long deliveredBytes() {
        return delivered.stream().mapToLong(DeliveredFile::bytes).sum();
    }

    private static String files(int count) {
        return count + (count == 1 ? " file" : " files");
    }

    private static String bytes(long count) {
        return String.format(Locale.ROOT, "%,d bytes", count);
    }
}

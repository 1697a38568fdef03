package uk.gov.childrenshomes.sources.pull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import uk.gov.childrenshomes.sources.delivery.DeliveredFile;

/** What one pull of one source has done so far: the raw material of its {@link uk.gov.childrenshomes.sources.PullReport}. */
public final class PullProgress {

    private int attempts;
    private long bytesReceived;
    private final List<DeliveredFile> delivered = new ArrayList<>();
    /** By name, so a file seen unchanged again by a retried attempt counts once. */
    private final Set<String> unchanged = new LinkedHashSet<>();

    public void attemptStarted() {
        attempts++;
    }

    public void received(long bytes) {
        bytesReceived += bytes;
    }

    public void delivered(DeliveredFile file) {
        delivered.add(file);
    }

    public void unchanged(String fileName) {
        unchanged.add(fileName);
    }

    public int attempts() {
        return attempts;
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    public List<DeliveredFile> deliveredFiles() {
        return List.copyOf(delivered);
    }

    public int unchangedFiles() {
        return unchanged.size();
    }
}

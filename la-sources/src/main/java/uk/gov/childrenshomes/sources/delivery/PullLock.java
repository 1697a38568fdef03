package uk.gov.childrenshomes.sources.delivery;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Held while one LA return is pulled, so that two pulls of it (overlapping scheduled runs, a manual run beside
 * Airflow) never interleave their state and deliveries. Released on close; the operating system releases it if the
 * process dies.
 */
public final class PullLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PullLock.class);

    private final FileChannel channel;
    private final FileLock lock;

    PullLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.warn("could not release a pull lock: {}", e.toString());
        }
    }
}

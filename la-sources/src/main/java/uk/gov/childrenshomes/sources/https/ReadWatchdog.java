package uk.gov.childrenshomes.sources.https;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a response body that has delivered nothing for too long. {@code HttpRequest.timeout} covers only the wait for
 * the response headers; without this, a server that stalls mid-body would block the pull (and the LAs after it)
 * forever.
 */
final class ReadWatchdog implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "la-sources-read-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private static final long MIN_CHECK_PERIOD_MILLIS = 10;

    private final Closeable body;
    private final long idleLimitNanos;
    private final ScheduledFuture<?> periodicCheck;
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile boolean fired;

    private ReadWatchdog(Closeable body, Duration idleLimit) {
        this.body = body;
        this.idleLimitNanos = idleLimit.toNanos();
        long period = Math.max(MIN_CHECK_PERIOD_MILLIS, idleLimit.toMillis() / 4);
        this.periodicCheck = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    static ReadWatchdog watch(Closeable body, Duration idleLimit) {
        return new ReadWatchdog(body, idleLimit);
    }

    void progress() {
        lastProgressNanos = System.nanoTime();
    }

    /** Whether the body was closed for stalling: a read that then ended or failed did so because of this. */
    boolean fired() {
        return fired;
    }

    private void check() {
        if (!fired && System.nanoTime() - lastProgressNanos > idleLimitNanos) {
            fired = true;
            try {
                body.close();
            } catch (IOException alreadyBroken) {
                // Closing is only to wake the reader; a body that fails to close is as stopped as one that closes.
            }
        }
    }

    @Override
    public void close() {
        periodicCheck.cancel(false);
    }
}

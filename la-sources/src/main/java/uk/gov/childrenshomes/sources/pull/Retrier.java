package uk.gov.childrenshomes.sources.pull;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.childrenshomes.sources.registry.SourceKey;

/** Runs an attempt until it succeeds, fails permanently or runs out of attempts, waiting with backoff in between. */
public final class Retrier {

    /** One try at talking to an LA's server; throws {@link PullFailure} saying whether trying again makes sense. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws PullFailure;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final RandomGenerator random;

    public Retrier(RandomGenerator random) {
        this.random = random;
    }

    public <T> T run(SourceKey source, RetryPolicy policy, PullProgress progress, Attempt<T> attempt)
            throws PullFailure {
        for (int number = 1; ; number++) {
            progress.attemptStarted();
            try {
                return attempt.run();
            } catch (PullFailure failure) {
                if (!failure.retryable() || number >= policy.maxAttempts()) {
                    throw failure;
                }
                Duration wait;
                synchronized (random) { // shared by the pulls running in parallel; generators are not thread-safe
                    wait = policy.backoffBefore(number + 1, random);
                }
                LOG.warn("{}: attempt {} of {} failed ({}); retrying in {} ms", source, number, policy.maxAttempts(),
                        failure.reason(), wait.toMillis());
                sleep(wait, failure);
            }
        }
    }

    private static void sleep(Duration wait, PullFailure pending) throws PullFailure {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw PullFailure.permanentFailure("interrupted while waiting to retry after: " + pending.reason());
        }
    }
}

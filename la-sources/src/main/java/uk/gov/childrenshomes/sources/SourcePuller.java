package uk.gov.childrenshomes.sources;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.childrenshomes.sources.delivery.Inbox;
import uk.gov.childrenshomes.sources.delivery.PullLock;
import uk.gov.childrenshomes.sources.https.HttpsPuller;
import uk.gov.childrenshomes.sources.pull.PullFailure;
import uk.gov.childrenshomes.sources.pull.PullProgress;
import uk.gov.childrenshomes.sources.pull.Retrier;
import uk.gov.childrenshomes.sources.registry.HttpsSource;
import uk.gov.childrenshomes.sources.registry.InboxSource;
import uk.gov.childrenshomes.sources.registry.SftpSource;
import uk.gov.childrenshomes.sources.registry.SourceEntry;
import uk.gov.childrenshomes.sources.secret.SecretReader;
import uk.gov.childrenshomes.sources.sftp.SftpPuller;

/**
 * Pulls registry entries into the inbox, a few LAs at a time, one report per entry. One LA's failure, even an
 * unexpected one, becomes its report's FAILED status and never stops the others.
 */
public final class SourcePuller {

    /**
     * LAs pulled at once. Pulls mostly wait on other servers, so a few in parallel keep one slow or dead LA (up to
     * attempts x timeouts) from holding up the rest, without opening ~150 connections at once.
     */
    public static final int DEFAULT_PARALLELISM = 4;

    private static final Logger LOG = LoggerFactory.getLogger(SourcePuller.class);

    private final Inbox inbox;
    private final HttpsPuller https;
    private final SftpPuller sftp;
    private final int parallelism;

    public SourcePuller(Inbox inbox, SecretReader secrets, SSLContext sslContext, RandomGenerator random,
                        int parallelism) {
        this.inbox = inbox;
        Retrier retrier = new Retrier(random);
        this.https = new HttpsPuller(inbox, secrets, retrier, sslContext);
        this.sftp = new SftpPuller(inbox, secrets, retrier);
        this.parallelism = parallelism;
    }

    /** As used in service: the JVM's trust store, secrets from the process environment. */
    public static SourcePuller forService(Inbox inbox) {
        try {
            return new SourcePuller(inbox, new SecretReader(System::getenv), SSLContext.getDefault(),
                    RandomGenerator.getDefault(), DEFAULT_PARALLELISM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no default TLS context", e);
        }
    }

    /** Reports in the order of {@code entries}, whatever order the pulls finish in. */
    public List<PullReport> pullAll(List<SourceEntry> entries) {
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "la-sources-pull");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<PullReport>> pulls = entries.stream().map(entry -> workers.submit(() -> pull(entry))).toList();
            List<PullReport> reports = new ArrayList<>();
            for (Future<PullReport> pull : pulls) {
                reports.add(pull.get());
            }
            return reports;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pulling", e);
        } catch (ExecutionException e) {
            // pull(entry) turns every exception into a report, so only an Error can get here.
            throw new IllegalStateException("a pull failed unexpectedly", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    public PullReport pull(SourceEntry entry) {
        if (entry instanceof InboxSource) {
            return PullReport.nothingToPull(entry.key(), entry.kind());
        }
        try (PullLock lock = inbox.lock(entry.key())) {
            return entry instanceof HttpsSource source ? https.pull(source) : sftp.pull((SftpSource) entry);
        } catch (PullFailure lockRefused) {
            LOG.warn("{}: {}", entry.key(), lockRefused.reason());
            return failed(entry, lockRefused);
        } catch (RuntimeException unexpected) {
            LOG.error("{}: unexpected failure while pulling", entry.key(), unexpected);
            return failed(entry, PullFailure.permanentFailure("unexpected " + unexpected.getClass().getSimpleName()
                    + " (see the log)"));
        }
    }

    private static PullReport failed(SourceEntry entry, PullFailure failure) {
        return PullReport.failed(entry.key(), entry.kind(), new PullProgress(), failure, Duration.ZERO);
    }
}

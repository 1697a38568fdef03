package uk.gov.childrenshomes.sources;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.childrenshomes.sources.delivery.Inbox;
import uk.gov.childrenshomes.sources.https.HttpsPuller;
import uk.gov.childrenshomes.sources.pull.PullFailure;
import uk.gov.childrenshomes.sources.pull.PullProgress;
import uk.gov.childrenshomes.sources.pull.Retrier;
import uk.gov.childrenshomes.sources.registry.HttpsSource;
import uk.gov.childrenshomes.sources.registry.SftpSource;
import uk.gov.childrenshomes.sources.registry.SourceEntry;
import uk.gov.childrenshomes.sources.secret.SecretReader;
import uk.gov.childrenshomes.sources.sftp.SftpPuller;

/**
 * Pulls registry entries into the inbox, one report per entry. One LA's failure, even an unexpected one, becomes its
 * report's FAILED status and never stops the entries after it.
 */
public final class SourcePuller {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePuller.class);

    private final HttpsPuller https;
    private final SftpPuller sftp;

    public SourcePuller(Inbox inbox, SecretReader secrets, SSLContext sslContext, RandomGenerator random) {
        Retrier retrier = new Retrier(random);
        this.https = new HttpsPuller(inbox, secrets, retrier, sslContext);
        this.sftp = new SftpPuller(inbox, secrets, retrier);
    }

    /** As used in service: the JVM's trust store, secrets from the process environment. */
    public static SourcePuller forService(Inbox inbox) {
        try {
            return new SourcePuller(inbox, new SecretReader(System::getenv), SSLContext.getDefault(),
                    RandomGenerator.getDefault());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no default TLS context", e);
        }
    }

    public List<PullReport> pullAll(List<SourceEntry> entries) {
        return entries.stream().map(this::pull).toList();
    }

    public PullReport pull(SourceEntry entry) {
        try {
            if (entry instanceof HttpsSource source) {
                return https.pull(source);
            }
            if (entry instanceof SftpSource source) {
                return sftp.pull(source);
            }
            return PullReport.nothingToPull(entry.key(), entry.kind());
        } catch (RuntimeException unexpected) {
            LOG.error("{}: unexpected failure while pulling", entry.key(), unexpected);
            return PullReport.failed(entry.key(), entry.kind(), new PullProgress(),
                    PullFailure.permanentFailure("unexpected " + unexpected.getClass().getSimpleName()
                            + " (see the log)"), Duration.ZERO);
        }
    }
}

package uk.gov.childrenshomes.sources.https;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.childrenshomes.sources.PullReport;
import uk.gov.childrenshomes.sources.delivery.DeliveredFile;
import uk.gov.childrenshomes.sources.delivery.Inbox;
import uk.gov.childrenshomes.sources.delivery.PullState;
import uk.gov.childrenshomes.sources.delivery.SafeFileName;
import uk.gov.childrenshomes.sources.delivery.StagedFile;
import uk.gov.childrenshomes.sources.pull.Causes;
import uk.gov.childrenshomes.sources.pull.PullFailure;
import uk.gov.childrenshomes.sources.pull.PullProgress;
import uk.gov.childrenshomes.sources.pull.Retrier;
import uk.gov.childrenshomes.sources.pull.Seconds;
import uk.gov.childrenshomes.sources.registry.HttpsSource;
import uk.gov.childrenshomes.sources.secret.Secret;
import uk.gov.childrenshomes.sources.secret.SecretReader;

/**
 * Pulls an LA return published over HTTPS: a conditional GET (ETag, Last-Modified), bounded retries of transient
 * failures, an optional expected SHA-256 checked before delivery, and atomic delivery into the inbox.
 */
public final class HttpsPuller {

    private static final Logger LOG = LoggerFactory.getLogger(HttpsPuller.class);

    private static final String STATE_ETAG = "etag";
    private static final String STATE_LAST_MODIFIED = "last-modified";
    private static final String STATE_SHA256 = "sha256";
    private static final String STATE_FILE = "file";
    /** RFC 6750 b64token: anything else in a token file is a mistake (and would be refused by the header code). */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    /** A sidecar holds a digest and perhaps a file name ({@code sha256sum} output); more than this is not one. */
    private static final int MAX_SIDECAR_BYTES = 4096;

    private final Inbox inbox;
    private final SecretReader secrets;
    private final Retrier retrier;
    private final SSLContext sslContext;
    /** The JDK client fixes the connect timeout per client, so there is one client per timeout in use. */
    private final Map<Duration, HttpClient> clientsByConnectTimeout = new ConcurrentHashMap<>();

    /** @param sslContext whose trust decides which servers are believed: {@code SSLContext.getDefault()} in service */
    public HttpsPuller(Inbox inbox, SecretReader secrets, Retrier retrier, SSLContext sslContext) {
        this.inbox = inbox;
        this.secrets = secrets;
        this.retrier = retrier;
        this.sslContext = sslContext;
    }

    public PullReport pull(HttpsSource source) {
        long started = System.nanoTime();
        PullProgress progress = new PullProgress();
        try {
            fetchAndDeliver(source, progress);
            return PullReport.finished(source.key(), source.kind(), progress, Duration.ofNanos(System.nanoTime() - started));
        } catch (PullFailure failure) {
            LOG.warn("{}: pull from {} failed: {}", source.key(), source.url(), failure.reason());
            return PullReport.failed(source.key(), source.kind(), progress, failure,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void fetchAndDeliver(HttpsSource source, PullProgress progress) throws PullFailure {
        Optional<Secret> token = token(source);
        PullState state = inbox.loadState(source.key());
        Optional<Download> fetched = retrier.run(source.key(), source.retry(), progress,
                () -> download(source, token, state, progress));
        if (fetched.isEmpty()) {
            LOG.debug("{}: not modified since the last pull", source.key());
            progress.unchanged(state.get(STATE_FILE).orElse(source.url().toString()));
            return;
        }
        Download download = fetched.get();
        try (StagedFile staged = download.staged()) {
            String received = staged.sha256();
            Optional<String> expected = expectedSha256(source, token, download.headers(), progress);
            if (expected.isPresent() && !expected.get().equals(received)) {
                throw PullFailure.permanentFailure("checksum mismatch: expected SHA-256 " + expected.get()
                        + ", received " + received + " (" + staged.size() + " bytes); nothing delivered");
            }
            if (state.get(STATE_SHA256).filter(received::equals).isPresent()
                    && state.get(STATE_FILE).filter(download.name().value()::equals).isPresent()) {
                LOG.debug("{}: content unchanged (same SHA-256), not delivered again", source.key());
                progress.unchanged(download.name().value());
            } else {
                DeliveredFile delivered = staged.deliverAs(download.name());
                LOG.info("{}: delivered {} ({} bytes, SHA-256 {})", source.key(), delivered.path(), delivered.bytes(),
                        delivered.sha256());
                progress.delivered(delivered);
                state.put(STATE_FILE, download.name().value());
                state.put(STATE_SHA256, received);
            }
            rememberValidators(state, download.headers());
            state.save();
        }
    }

    private Optional<Secret> token(HttpsSource source) throws PullFailure {
        if (source.token().isEmpty()) {
            return Optional.empty();
        }
        try {
            Secret token = secrets.read(source.token().get());
            if (!BEARER_TOKEN.matcher(token.reveal()).matches()) {
                throw PullFailure.permanentFailure("the token in " + source.token().get()
                        + " has characters a bearer token cannot have");
            }
            return Optional.of(token);
        } catch (SecretReader.SecretException e) {
            throw PullFailure.permanentFailure(e.getMessage());
        }
    }

    /** One attempt: empty when the server says the file is unchanged (304). */
    private Optional<Download> download(HttpsSource source, Optional<Secret> token, PullState state,
                                        PullProgress progress) throws PullFailure {
        HttpRequest.Builder request = request(source.url(), source, token);
        state.get(STATE_ETAG).ifPresent(etag -> request.header("If-None-Match", etag));
        state.get(STATE_LAST_MODIFIED).ifPresent(lastModified -> request.header("If-Modified-Since", lastModified));
        HttpResponse<InputStream> response = send(source, request.build());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304) {
                return Optional.empty();
            }
            requireOk(response, source.url());
            SafeFileName name = fileName(response, source.url());
            StagedFile staged = inbox.stage(source.key());
            try {
                // A body cut short of its Content-Length or final chunk makes the JDK client throw, so a complete
                // read is a complete file.
                receive(body, staged, source, progress);
                return Optional.of(new Download(staged, name, response.headers()));
            } catch (PullFailure | RuntimeException e) {
                staged.close();
                throw e;
            }
        } catch (IOException closing) {
            throw PullFailure.transientFailure("the connection failed while closing the response: " + closing, closing);
        }
    }

    private HttpRequest.Builder request(URI url, HttpsSource source, Optional<Secret> token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(source.readTimeout()).GET();
        token.ifPresent(secret -> request.header("Authorization", "Bearer " + secret.reveal()));
        return request;
    }

    private HttpResponse<InputStream> send(HttpsSource source, HttpRequest request) throws PullFailure {
        URI url = request.uri();
        try {
            return client(source.connectTimeout()).send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw PullFailure.transientFailure("could not connect to " + hostAndPort(url) + " within "
                    + Seconds.of(source.connectTimeout()), e);
        } catch (HttpTimeoutException e) {
            throw PullFailure.transientFailure("timed out: no response from " + hostAndPort(url) + " within "
                    + Seconds.of(source.readTimeout()), e);
        } catch (ConnectException e) {
            throw PullFailure.transientFailure("could not connect to " + hostAndPort(url) + " (" + e.getMessage() + ")", e);
        } catch (ProtocolException e) {
            throw PullFailure.permanentFailure("the server at " + hostAndPort(url) + " sent a malformed response ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            if (Causes.has(e, SSLException.class)) {
                // A certificate the trust store does not accept will not be accepted on a retry either.
                throw PullFailure.permanentFailure("TLS with " + hostAndPort(url) + " failed: the server's certificate"
                        + " is not trusted or not valid for the host (" + Causes.root(e).getMessage() + ")", e);
            }
            throw PullFailure.transientFailure("the connection to " + hostAndPort(url) + " failed (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PullFailure.permanentFailure("interrupted while waiting for " + hostAndPort(url), e);
        }
    }

    /** 5xx may pass, so they are retried; any other status than 200 will not change by asking again. */
    private static void requireOk(HttpResponse<?> response, URI url) throws PullFailure {
        int status = response.statusCode();
        if (status == 200) {
            return;
        }
        if (status >= 500) {
            throw PullFailure.transientFailure("HTTP " + status + " (server error) from " + hostAndPort(url), null);
        }
        if (status >= 300 && status < 400) {
            // Not followed: the Authorization header must reach only the registered address.
            throw PullFailure.permanentFailure("HTTP " + status + " redirect to " + SafeFileName.printable(
                    response.headers().firstValue("Location").orElse("?")) + " from " + url
                    + "; register the final address (redirects are not followed)");
        }
        String meaning = switch (status) {
            case 401 -> " (unauthorised: is the token right?)";
            case 403 -> " (forbidden: does the token give access to this file?)";
            case 404 -> " (not found: is the url right?)";
            default -> "";
        };
        throw PullFailure.permanentFailure("HTTP " + status + meaning + " from " + url);
    }

    private static SafeFileName fileName(HttpResponse<?> response, URI url) throws PullFailure {
        Optional<String> name;
        try {
            name = ServerFileName.of(response.headers(), url);
        } catch (IllegalArgumentException e) {
            throw PullFailure.permanentFailure("the server's Content-Disposition file name is not valid percent-encoding");
        }
        if (name.isEmpty()) {
            throw PullFailure.permanentFailure("the server gave no file name (no Content-Disposition, and " + url
                    + " does not end in one)");
        }
        try {
            return SafeFileName.of(name.get());
        } catch (SafeFileName.UnsafeFileNameException e) {
            throw PullFailure.permanentFailure("the server's " + e.getMessage() + "; nothing delivered");
        }
    }

    private static void receive(InputStream body, StagedFile staged, HttpsSource source, PullProgress progress)
            throws PullFailure {
        Duration readTimeout = source.readTimeout();
        ReadWatchdog watchdog = ReadWatchdog.watch(body, readTimeout);
        try (watchdog) {
            staged.copyFrom(body, source.maxFileBytes(), bytes -> {
                watchdog.progress();
                progress.received(bytes);
            });
        } catch (IOException e) {
            if (!watchdog.fired()) {
                throw PullFailure.transientFailure("the connection dropped after " + staged.size()
                        + " bytes of the body (" + e.getMessage() + ")", e);
            }
        }
        if (watchdog.fired()) {
            throw PullFailure.transientFailure("timed out: no data for " + Seconds.of(readTimeout) + " after "
                    + staged.size() + " bytes of the body", null);
        }
    }

    private Optional<String> expectedSha256(HttpsSource source, Optional<Secret> token, HttpHeaders headers,
                                            PullProgress progress) throws PullFailure {
        if (source.sha256Header().isPresent()) {
            String header = source.sha256Header().get();
            String value = headers.firstValue(header).orElseThrow(() -> PullFailure.permanentFailure(
                    "the response has no " + header + " header with the file's SHA-256; nothing delivered"));
            return Optional.of(sha256In(value, "the " + header + " header"));
        }
        if (source.sha256Url().isPresent()) {
            URI sidecar = source.sha256Url().get();
            String text = retrier.run(source.key(), source.retry(), progress, () -> fetchSidecar(source, sidecar, token));
            return Optional.of(sha256In(text, "the checksum file " + sidecar));
        }
        return Optional.empty();
    }

    private String fetchSidecar(HttpsSource source, URI sidecar, Optional<Secret> token) throws PullFailure {
        HttpResponse<InputStream> response = send(source, request(sidecar, source, token).build());
        try (InputStream body = response.body()) {
            requireOk(response, sidecar);
            return new String(body.readNBytes(MAX_SIDECAR_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw PullFailure.transientFailure("the connection dropped while reading " + sidecar + " (" + e.getMessage()
                    + ")", e);
        }
    }

    /** The first word of a sidecar or header ({@code sha256sum} writes "digest  name"), which must be 64 hex digits. */
    private static String sha256In(String text, String where) throws PullFailure {
        String[] words = text.strip().split("\\s+", 2);
        if (!SHA256_HEX.matcher(words[0]).matches()) {
            throw PullFailure.permanentFailure(where + " does not hold a SHA-256 (64 hex digits); nothing delivered");
        }
        return words[0].toLowerCase(Locale.ROOT);
    }

    private static void rememberValidators(PullState state, HttpHeaders headers) {
        remember(state, STATE_ETAG, headers.firstValue("ETag"));
        remember(state, STATE_LAST_MODIFIED, headers.firstValue("Last-Modified"));
    }

    private static void remember(PullState state, String key, Optional<String> value) {
        value.ifPresentOrElse(v -> state.put(key, v), () -> state.remove(key));
    }

    private HttpClient client(Duration connectTimeout) {
        return clientsByConnectTimeout.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder()
                .connectTimeout(timeout)
                .sslContext(sslContext)
                // Returns are single files: HTTP/2 multiplexing buys nothing, and HTTP/1.1 keeps fault behaviour
                // (drops, stalls, lengths) the same across the LAs' servers.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                // Honours -Dhttps.proxyHost/-Dhttps.proxyPort where the pipeline runs behind a proxy.
                .proxy(ProxySelector.getDefault())
                .build());
    }

    private static String hostAndPort(URI url) {
        return url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    /** A complete body, staged and not yet delivered. */
    private record Download(StagedFile staged, SafeFileName name, HttpHeaders headers) {
    }
}

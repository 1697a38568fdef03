package uk.gov.childrenshomes.sources.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import uk.gov.childrenshomes.sources.pull.RetryPolicy;

/**
 * An LA return published at an HTTPS address.
 *
 * @param token         bearer token, if the server needs one
 * @param sha256Url     address of a {@code .sha256} sidecar holding the file's expected SHA-256
 * @param sha256Header  response header carrying the file's expected SHA-256 (hex), as an alternative to a sidecar
 * @param readTimeout   longest wait for the response headers and, after that, for each piece of the body
 * @param maxFileBytes  larger downloads are refused, so a broken or hostile server cannot fill the disk
 */
public record HttpsSource(SourceKey key, URI url, Optional<SecretRef> token, Optional<URI> sha256Url,
                          Optional<String> sha256Header, Duration connectTimeout, Duration readTimeout,
                          RetryPolicy retry, long maxFileBytes) implements SourceEntry {

    public static final String KIND = "https";

    @Override
    public String kind() {
        return KIND;
    }
}

package uk.gov.childrenshomes.sources.https;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name the server gives a download: Content-Disposition's {@code filename*} or {@code filename} (RFC 6266), else
 * the last segment of the URL path. The result is untrusted: it still goes through {@code SafeFileName}.
 */
final class ServerFileName {

    private static final Pattern EXTENDED = Pattern.compile("filename\\*\\s*=\\s*([^']*)'[^']*'([^;\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN = Pattern.compile("filename\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]+))",
            Pattern.CASE_INSENSITIVE);

    private ServerFileName() {
    }

    static Optional<String> of(HttpHeaders headers, URI url) {
        Optional<String> disposition = headers.firstValue("Content-Disposition");
        if (disposition.isPresent()) {
            Matcher extended = EXTENDED.matcher(disposition.get());
            if (extended.find()) {
                return Optional.of(URLDecoder.decode(extended.group(2).replace("+", "%2B"), charset(extended.group(1))));
            }
            Matcher plain = PLAIN.matcher(disposition.get());
            if (plain.find()) {
                return Optional.of(plain.group(1) != null ? plain.group(1).replaceAll("\\\\(.)", "$1") : plain.group(2));
            }
        }
        String path = url.getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(path.substring(path.lastIndexOf('/') + 1));
    }

    private static Charset charset(String name) {
        try {
            return name.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}

package uk.gov.childrenshomes.sources.registry;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.childrenshomes.sources.pull.RetryPolicy;

/**
 * The source registry: where each LA's returns come from. A properties file of {@code <la>.<return>.<setting>} lines,
 * described with an example in la-sources/README.md. An LA or return without an entry is an {@code inbox} source.
 */
public final class SourceRegistry {

    private static final Set<String> HTTPS_SETTINGS = Set.of("kind", "url", "token-file", "token-env", "sha256-url",
            "sha256-header", "connect-timeout", "read-timeout", "max-attempts", "initial-backoff", "max-backoff",
            "max-file-size");
    private static final Set<String> SFTP_SETTINGS = Set.of("kind", "host", "port", "user", "key-file",
            "password-file", "remote-dir", "known-hosts", "connect-timeout", "read-timeout", "max-attempts",
            "initial-backoff", "max-backoff", "max-file-size");
    /** Settings people reach for when they mean to paste a secret; refused with a pointer to the right ones. */
    private static final Set<String> INLINE_SECRET_SETTINGS = Set.of("token", "password", "secret", "key");
    private static final Pattern KEY = Pattern.compile("([^.]+)\\.([^.]+)\\.(.+)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?");
    /** Far above any LA's return (the national ONSPD is ~1.5 GB, and it is not pulled from LAs). */
    private static final long DEFAULT_MAX_FILE_BYTES = 2L << 30;
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final List<SourceEntry> entries;

    private SourceRegistry(List<SourceEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static SourceRegistry load(Path file) throws IOException, RegistryException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Path base = file.toAbsolutePath().getParent();
            return parse(reader, base, file.toString());
        }
    }

    /**
     * @param baseDir the folder relative secret, key and known-hosts paths are resolved against (the file's own)
     * @param name    how error messages name the registry
     */
    public static SourceRegistry parse(Reader reader, Path baseDir, String name) throws IOException, RegistryException {
        List<String> problems = new ArrayList<>();
        DuplicateRefusingProperties properties = new DuplicateRefusingProperties(problems);
        properties.load(reader);

        Map<SourceKey, Map<String, String>> settingsByEntry = new TreeMap<>(
                Comparator.comparing(SourceKey::laCode).thenComparing(SourceKey::returnCode));
        for (String key : properties.stringPropertyNames()) {
            Matcher parts = KEY.matcher(key);
            if (!parts.matches()) {
                problems.add(key + ": expected <la code>.<return>.<setting>, e.g. E06000001.missing.kind");
                continue;
            }
            String la = parts.group(1);
            Optional<ReturnCode> returnCode = ReturnCode.fromFolderName(parts.group(2));
            if (!SourceKey.isLaCode(la)) {
                problems.add(key + ": '" + la + "' is not an LA code (E06/E08/E09/E10 and six digits)");
            } else if (returnCode.isEmpty()) {
                problems.add(key + ": '" + parts.group(2) + "' is not a return (ssda903, missing, oversight)");
            } else {
                settingsByEntry.computeIfAbsent(new SourceKey(la, returnCode.get()), k -> new TreeMap<>())
                        .put(parts.group(3), properties.getProperty(key).strip());
            }
        }

        List<SourceEntry> entries = new ArrayList<>();
        settingsByEntry.forEach((key, settings) ->
                new EntryParser(key, settings, baseDir, problems).parse().ifPresent(entries::add));
        if (!problems.isEmpty()) {
            throw new RegistryException(name, problems);
        }
        return new SourceRegistry(entries);
    }

    public List<SourceEntry> entries() {
        return entries;
    }

    /** The entries of the given LAs, or all entries when none are given. */
    public List<SourceEntry> entriesFor(Collection<String> laCodes) {
        return laCodes.isEmpty() ? entries
                : entries.stream().filter(entry -> laCodes.contains(entry.key().laCode())).toList();
    }

    /** Reads one entry's settings, adding a problem naming the entry for each thing wrong with it. */
    private static final class EntryParser {
        private final SourceKey key;
        private final Map<String, String> settings;
        private final Path baseDir;
        private final List<String> problems;
        private final int problemsBefore;

        EntryParser(SourceKey key, Map<String, String> settings, Path baseDir, List<String> problems) {
            this.key = key;
            this.settings = settings;
            this.baseDir = baseDir;
            this.problems = problems;
            this.problemsBefore = problems.size();
        }

        Optional<SourceEntry> parse() {
            String kind = settings.getOrDefault("kind", InboxSource.KIND);
            SourceEntry entry = switch (kind) {
                case InboxSource.KIND -> {
                    refuseUnknown(Set.of("kind"));
                    yield new InboxSource(key);
                }
                case HttpsSource.KIND -> https();
                case SftpSource.KIND -> sftp();
                default -> {
                    problem("kind '" + kind + "' is not one of inbox, https, sftp");
                    yield null;
                }
            };
            return problems.size() == problemsBefore ? Optional.ofNullable(entry) : Optional.empty();
        }

        private HttpsSource https() {
            refuseUnknown(HTTPS_SETTINGS);
            Duration connectTimeout = connectTimeout();
            Duration readTimeout = readTimeout();
            RetryPolicy retry = retry();
            long maxFileBytes = maxFileBytes();
            Optional<URI> url = required("url").flatMap(text -> httpUrl("url", text));
            Optional<SecretRef> token = atMostOne("token-file", "token-env").map(this::secretRef);
            Optional<String> checksumSetting = atMostOne("sha256-url", "sha256-header");
            Optional<URI> sha256Url = checksumSetting.filter("sha256-url"::equals)
                    .flatMap(setting -> httpUrl(setting, settings.get(setting)));
            Optional<String> sha256Header = checksumSetting.filter("sha256-header"::equals).map(settings::get);
            sha256Header.filter(header -> !HEADER_NAME.matcher(header).matches())
                    .ifPresent(header -> problem("sha256-header '" + header + "' is not an HTTP header name"));
            return url.map(u -> new HttpsSource(key, u, token, sha256Url, sha256Header, connectTimeout, readTimeout,
                    retry, maxFileBytes)).orElse(null);
        }

        private SftpSource sftp() {
            refuseUnknown(SFTP_SETTINGS);
            Duration connectTimeout = connectTimeout();
            Duration readTimeout = readTimeout();
            RetryPolicy retry = retry();
            long maxFileBytes = maxFileBytes();
            Optional<String> host = required("host");
            int port = integer("port", 22);
            if (port < 1 || port > 65535) {
                problem("port " + port + " is not a TCP port");
            }
            Optional<String> user = required("user");
            Optional<String> remoteDir = required("remote-dir");
            Optional<Path> knownHosts = required("known-hosts").map(baseDir::resolve);
            Optional<String> credentialSetting = atMostOne("key-file", "password-file");
            if (!settings.containsKey("key-file") && !settings.containsKey("password-file")) {
                problem("one of key-file or password-file is required for kind sftp");
            }
            if (host.isEmpty() || user.isEmpty() || remoteDir.isEmpty() || knownHosts.isEmpty()
                    || credentialSetting.isEmpty()) {
                return null;
            }
            SftpSource.CredentialKind credentialKind = credentialSetting.get().equals("key-file")
                    ? SftpSource.CredentialKind.PRIVATE_KEY : SftpSource.CredentialKind.PASSWORD;
            return new SftpSource(key, host.get(), port, user.get(), credentialKind,
                    secretRef(credentialSetting.get()), remoteDir.get(), knownHosts.get(), connectTimeout, readTimeout,
                    retry, maxFileBytes);
        }

        private void refuseUnknown(Set<String> settingsOfKind) {
            for (String setting : settings.keySet()) {
                if (INLINE_SECRET_SETTINGS.contains(setting)) {
                    // The value is deliberately not repeated: it is probably the secret itself.
                    problem(setting + " must not be written in the registry: name a file (token-file, key-file,"
                            + " password-file) or an environment variable (token-env) holding it");
                } else if (!settingsOfKind.contains(setting)) {
                    problem("unknown setting '" + setting + "' for kind " + settings.getOrDefault("kind", "inbox"));
                }
            }
        }

        private Optional<String> required(String setting) {
            String value = settings.get(setting);
            if (value == null || value.isEmpty()) {
                problem(setting + " is required for kind " + settings.get("kind"));
                return Optional.empty();
            }
            return Optional.of(value);
        }

        /** The name of whichever of two mutually exclusive settings is present, if any. */
        private Optional<String> atMostOne(String first, String second) {
            if (settings.containsKey(first) && settings.containsKey(second)) {
                problem("give " + first + " or " + second + ", not both");
                return Optional.empty();
            }
            return settings.containsKey(first) ? Optional.of(first)
                    : settings.containsKey(second) ? Optional.of(second) : Optional.empty();
        }

        private SecretRef secretRef(String setting) {
            String value = settings.get(setting);
            return setting.endsWith("-env") ? SecretRef.environment(value) : SecretRef.file(baseDir.resolve(value));
        }

        /**
         * HTTPS only: a bearer token must never cross a network in clear. Plain http is allowed to the loopback
         * interface alone, where a local mirror or a test server runs.
         */
        private Optional<URI> httpUrl(String setting, String text) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                problem(setting + " is not a valid URL (" + e.getReason() + ")");
                return Optional.empty();
            }
            if (uri.getRawUserInfo() != null) {
                // Not echoed: the user-info part may hold a password.
                problem(setting + " must not carry credentials in the URL; use token-file or token-env");
                return Optional.empty();
            }
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase());
            if (!(https || loopbackHttp) || uri.getHost() == null) {
                problem(setting + " " + text + " must be an https:// URL (http:// only to localhost)");
                return Optional.empty();
            }
            return Optional.of(uri);
        }

        private Duration connectTimeout() {
            return duration("connect-timeout", Duration.ofSeconds(10));
        }

        private Duration readTimeout() {
            return duration("read-timeout", Duration.ofSeconds(60));
        }

        private RetryPolicy retry() {
            RetryPolicy defaults = RetryPolicy.DEFAULT;
            int attempts = integer("max-attempts", defaults.maxAttempts());
            Duration initial = duration("initial-backoff", defaults.initialBackoff());
            Duration max = duration("max-backoff", defaults.maxBackoff());
            try {
                return new RetryPolicy(attempts, initial, max);
            } catch (IllegalArgumentException e) {
                problem(e.getMessage());
                return defaults;
            }
        }

        /** Sizes are written in bytes or with a binary unit: {@code 500MB}, {@code 2GB} (1 KB = 1024 bytes). */
        private long maxFileBytes() {
            String value = settings.get("max-file-size");
            if (value == null) {
                return DEFAULT_MAX_FILE_BYTES;
            }
            Matcher matcher = SIZE.matcher(value);
            if (!matcher.matches()) {
                problem("max-file-size '" + value + "' is not a size such as 500MB or 2GB");
                return DEFAULT_MAX_FILE_BYTES;
            }
            int shift = switch (matcher.group(2) == null ? "B" : matcher.group(2)) {
                case "KB" -> 10;
                case "MB" -> 20;
                case "GB" -> 30;
                default -> 0;
            };
            return Long.parseLong(matcher.group(1)) << shift;
        }

        private int integer(String setting, int fallback) {
            String value = settings.get(setting);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                problem(setting + " '" + value + "' is not a whole number");
                return fallback;
            }
        }

        /** Durations are written {@code 250ms}, {@code 10s} or {@code 2m}. */
        private Duration duration(String setting, Duration fallback) {
            String value = settings.get(setting);
            if (value == null) {
                return fallback;
            }
            Matcher matcher = DURATION.matcher(value);
            if (!matcher.matches()) {
                problem(setting + " '" + value + "' is not a duration such as 250ms, 10s or 2m");
                return fallback;
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        }

        private void problem(String text) {
            problems.add(key.laCode() + "." + key.returnCode().folderName() + ": " + text);
        }
    }

    /** {@link Properties} keeps the last of two equal keys silently; a registry must not, so a repeat is a problem. */
    private static final class DuplicateRefusingProperties extends Properties {
        private final transient List<String> problems;

        DuplicateRefusingProperties(List<String> problems) {
            this.problems = problems;
        }

        @Override
        public synchronized Object put(Object key, Object value) {
            if (containsKey(key)) {
                problems.add(key + ": set more than once");
            }
            return super.put(key, value);
        }
    }
}

package uk.gov.childrenshomes.sources.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import uk.gov.childrenshomes.sources.registry.SecretRef;

/**
 * Reads secrets named by the registry. A secret file that group or others may access is refused, as OpenSSH refuses
 * such a private key: a token anyone on the machine can read is already leaked.
 */
public final class SecretReader {

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Function<String, String> environment;

    /** @param environment looks up environment variables ({@code System::getenv} outside tests) */
    public SecretReader(Function<String, String> environment) {
        this.environment = environment;
    }

    /** A token or password: the file's or variable's text without surrounding whitespace (files end in a newline). */
    public Secret read(SecretRef ref) throws SecretException {
        String text = switch (ref.kind()) {
            case FILE -> new String(readFile(Path.of(ref.location())), StandardCharsets.UTF_8);
            case ENVIRONMENT -> {
                String value = environment.apply(ref.location());
                if (value == null) {
                    throw new SecretException("environment variable " + ref.location() + " is not set");
                }
                yield value;
            }
        };
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new SecretException(ref + " is empty");
        }
        return new Secret(trimmed);
    }

    /** A secret file's bytes (a private key), after checking that only its owner may access it. */
    public byte[] readFile(Path file) throws SecretException {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix == null) {
                throw new SecretException("secret file " + file + " is on a file system without POSIX permissions,"
                        + " so it cannot be checked that only its owner can read it");
            }
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                throw new SecretException("secret file " + file + " is accessible to group or others (mode "
                        + PosixFilePermissions.toString(permissions) + "); restrict it with chmod 600");
            }
            if (!Files.isRegularFile(file)) {
                throw new SecretException("secret file " + file + " is not a regular file");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SecretException("secret file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A secret that cannot be used; the message names where it was looked for, never its content. */
    public static final class SecretException extends Exception {
        public SecretException(String message) {
            super(message);
        }
    }
}

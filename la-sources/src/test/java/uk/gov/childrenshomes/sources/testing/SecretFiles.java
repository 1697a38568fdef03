package uk.gov.childrenshomes.sources.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Secret files as an operator should leave them (mode 600), or not. */
public final class SecretFiles {

    private SecretFiles() {
    }

    public static Path write(Path file, String content, String mode) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    public static Path ownerOnly(Path file, String content) throws IOException {
        return write(file, content, "rw-------");
    }
}

package uk.gov.childrenshomes.sources.registry;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a secret is kept: a file or an environment variable. The registry holds only this reference, never the
 * secret itself, so the registry can be committed and printed.
 */
public record SecretRef(Kind kind, String location) {

    public enum Kind { FILE, ENVIRONMENT }

    public SecretRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
    }

    public static SecretRef file(Path path) {
        return new SecretRef(Kind.FILE, path.toString());
    }

    public static SecretRef environment(String variable) {
        return new SecretRef(Kind.ENVIRONMENT, variable);
    }

    @Override
    public String toString() {
        return kind == Kind.FILE ? "file " + location : "environment variable " + location;
    }
}

package uk.gov.childrenshomes.sources.secret;

import java.util.Objects;

/** A token or password. Its text is reachable only through {@link #reveal()}, so printing one shows nothing. */
public final class Secret {

    private final String value;

    Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The secret text, for the one place it is sent: an Authorization header or an SSH password. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}

package uk.gov.childrenshomes.sources.pull;

/**
 * Why one attempt of a pull failed, in words an operator can act on, and whether another attempt could succeed.
 *
 * <p>Reasons are written by this module and never include a secret; where they quote a server (an error message, a
 * header) control characters are escaped, so a reason is always one printable line for logs and reports.
 */
public final class PullFailure extends Exception {

    private final boolean retryable;

    private PullFailure(String reason, boolean retryable, Throwable cause) {
        super(Printable.escape(reason), cause);
        this.retryable = retryable;
    }

    /** A failure another attempt may not repeat: a timeout, a 5xx, a dropped connection. */
    public static PullFailure transientFailure(String reason, Throwable cause) {
        return new PullFailure(reason, true, cause);
    }

    /** A failure that retrying would only repeat: a 4xx, a refused host key, a checksum mismatch, a bad name. */
    public static PullFailure permanentFailure(String reason) {
        return new PullFailure(reason, false, null);
    }

    public static PullFailure permanentFailure(String reason, Throwable cause) {
        return new PullFailure(reason, false, cause);
    }

    public boolean retryable() {
        return retryable;
    }

    public String reason() {
        return getMessage();
    }
}

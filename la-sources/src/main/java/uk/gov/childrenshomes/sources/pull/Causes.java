package uk.gov.childrenshomes.sources.pull;

/** Finding what really went wrong inside the exceptions HTTP and SSH clients wrap around each other. */
public final class Causes {

    private Causes() {
    }

    public static boolean has(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    public static Throwable root(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}

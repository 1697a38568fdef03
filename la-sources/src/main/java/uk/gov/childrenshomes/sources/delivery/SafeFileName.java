package uk.gov.childrenshomes.sources.delivery;

import uk.gov.childrenshomes.sources.pull.Printable;

/**
 * A file name from an LA's server that is safe to create in the inbox: a single path element, no way out of the
 * return folder, nothing a terminal, a shell or the ingest's hidden-file conventions could misread.
 */
public final class SafeFileName {

    private static final int MAX_LENGTH = 255;

    private final String name;

    private SafeFileName(String name) {
        this.name = name;
    }

    /** @throws UnsafeFileNameException saying what is wrong, with the name shown escaped */
    public static SafeFileName of(String candidate) throws UnsafeFileNameException {
        if (candidate == null || candidate.isEmpty()) {
            throw new UnsafeFileNameException("an empty file name");
        }
        String reason = problemWith(candidate);
        if (reason != null) {
            throw new UnsafeFileNameException("file name " + printable(candidate) + " refused: " + reason);
        }
        return new SafeFileName(candidate);
    }

    private static String problemWith(String candidate) {
        if (candidate.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (Character.isISOControl(c)) {
                return "control character at position " + (i + 1);
            }
            if (Character.getType(c) == Character.FORMAT) {
                // Right-to-left overrides and zero-width characters make a name read as something it is not.
                return "invisible formatting character at position " + (i + 1);
            }
            if (c == '/' || c == '\\') {
                return "a path, not a file name (contains '" + c + "')";
            }
        }
        if (candidate.equals(".") || candidate.equals("..")) {
            return "a directory reference";
        }
        if (candidate.startsWith(".")) {
            return "a hidden file name (starts with '.'); the inbox keeps its own state in hidden files";
        }
        if (candidate.length() >= 2 && candidate.charAt(1) == ':') {
            return "a drive-qualified path";
        }
        if (!candidate.strip().equals(candidate)) {
            return "leading or trailing white space";
        }
        return null;
    }

    /** The name quoted, with anything unprintable escaped and at most 255 characters shown. */
    public static String printable(String text) {
        boolean tooLong = text.length() > MAX_LENGTH;
        return "'" + Printable.escape(tooLong ? text.substring(0, MAX_LENGTH) : text) + (tooLong ? "...'" : "'");
    }

    public String value() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    public static final class UnsafeFileNameException extends Exception {
        public UnsafeFileNameException(String message) {
            super(message);
        }
    }
}

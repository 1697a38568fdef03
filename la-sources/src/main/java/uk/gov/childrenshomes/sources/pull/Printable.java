package uk.gov.childrenshomes.sources.pull;

/**
 * Text from an LA's server (a file name, an error message quoting a header) made safe to print: control and
 * formatting characters become {@code \\uXXXX}, so a hostile server cannot forge report lines or drive a terminal.
 */
public final class Printable {

    private Printable() {
    }

    public static String escape(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT) {
                shown.append(String.format("\\u%04x", codePoint));
            } else {
                shown.appendCodePoint(codePoint);
            }
        });
        return shown.toString();
    }
}

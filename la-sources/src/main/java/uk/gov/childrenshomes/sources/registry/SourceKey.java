package uk.gov.childrenshomes.sources.registry;

import java.util.Objects;
import java.util.regex.Pattern;

/** One LA's return: what a registry entry, a pull state file and a report line are about. */
public record SourceKey(String laCode, ReturnCode returnCode) {

    /**
     * An LA folder is named by the LA's ONS code (E06, E08, E09, E10 followed by six digits). Checking the shape also
     * keeps every path built from an LA code inside the inbox.
     */
    private static final Pattern LA_CODE = Pattern.compile("E(06|08|09|10)\\d{6}");

    public SourceKey {
        Objects.requireNonNull(returnCode, "returnCode");
        if (!isLaCode(laCode)) {
            throw new IllegalArgumentException("not an LA code (E06/E08/E09/E10 and six digits): " + laCode);
        }
    }

    public static boolean isLaCode(String text) {
        return text != null && LA_CODE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return laCode + "/" + returnCode.folderName();
    }
}

package uk.gov.childrenshomes.jobs.ingest;

import uk.gov.childrenshomes.jobs.source.InboxScanner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file's name claims about whose and which year's return it is ({@code E06000001_missing_2025.csv},
 * {@code E06000001_ssda903_2024-25.xml}), checked against the folder it came in and the year being collected,
 * so that an LA's file claiming another LA or another year is rejected with the reason, never loaded as theirs.
 * A name that claims nothing (the SSDA903 CSV set's {@code episodes.csv}) passes, and so does national reference
 * data, whose names carry release dates ({@code ONSPD_NOV_2024_UK.csv}), not collection years.
 */
final class FileNameClaims {

    /** A claim the name makes that does not hold, with the rule it breaks. */
    record Mismatch(String rule, String detail) {
    }

    private static final Pattern LA_CODE = Pattern.compile("(?<![A-Za-z0-9])E\\d{8}(?!\\d)");
    /** A year such as 2025, or a reporting year such as 2024-25 / 2024_25 (which ends in 2025). */
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20\\d{2})(?:[-_](\\d{2}))?(?!\\d)");

    private FileNameClaims() {
    }

    static List<Mismatch> check(String fileName, String laCode, int collectionYear) {
        List<Mismatch> mismatches = new ArrayList<>(0);
        if (laCode.equals(InboxScanner.NATIONAL_CODE)) {
            return mismatches;
        }
        Matcher code = LA_CODE.matcher(fileName);
        while (code.find()) {
            if (!code.group().equals(laCode)) {
                mismatches.add(new Mismatch("DP016", "the name says " + code.group() + ", the folder is " + laCode));
            }
        }
        Matcher year = YEAR.matcher(LA_CODE.matcher(fileName).replaceAll(""));
        if (year.find()) {
            int claimed = year.group(2) == null ? Integer.parseInt(year.group(1))
                    : Integer.parseInt(year.group(1)) / 100 * 100 + Integer.parseInt(year.group(2));
            if (claimed != collectionYear) {
                mismatches.add(new Mismatch("DP017", "the name says " + year.group() + ", the collection year is " + collectionYear));
            }
        }
        return mismatches;
    }
}

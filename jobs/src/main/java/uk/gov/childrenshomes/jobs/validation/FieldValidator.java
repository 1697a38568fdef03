package uk.gov.childrenshomes.jobs.validation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks one value against its column specification and turns it into what the landing column stores
 * (ISO dates, normalised postcodes). Stateless and thread-safe.
 */
public final class FieldValidator {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern POSTCODE = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$");
    private static final Pattern CHILD_ID = Pattern.compile("^\\S{1,10}$");
    private static final Pattern INTEGER = Pattern.compile("^-?[0-9]{1,18}$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern EXCEL_DAY = Pattern.compile("^[1-9][0-9]{4}$");
    /** Day 0 of Excel's 1900 date system, as its day numbers count (it believes 1900 was a leap year). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** The value to store (null when blank or unusable) and the problem found, if any. */
    public record Result(String value, String problem, boolean blankButRequired) {

        static Result ok(String value) {
            return new Result(value, null, false);
        }

        static Result invalid(String problem) {
            return new Result(null, problem, false);
        }

        public boolean valid() {
            return problem == null && !blankButRequired;
        }
    }

    private FieldValidator() {
    }

    public static Result check(ColumnSpecification column, String raw) {
        if (raw == null || raw.isEmpty() || column.blankMarkers().contains(raw)) {
            return column.required() ? new Result(null, "value is blank", true) : Result.ok(null);
        }
        return switch (column.type()) {
            case CHILD_ID -> CHILD_ID.matcher(raw).matches() ? Result.ok(raw) : Result.invalid("not 1 to 10 characters without spaces");
            case TEXT -> text(column, raw);
            case CODE -> column.codes().contains(raw) ? Result.ok(raw)
                    : Result.invalid("'" + raw + "' is not one of " + String.join(", ", column.codes()));
            case DATE -> column.excelSerial() && EXCEL_DAY.matcher(raw).matches() ? excelDay(raw) : date(raw);
            case DATETIME -> dateTime(raw);
            case INTEGER -> integer(column, raw);
            case POSTCODE -> postcode(raw);
        };
    }

    private static Result text(ColumnSpecification column, String raw) {
        if (column.maxLength() != null && raw.length() > column.maxLength()) {
            return Result.invalid("longer than " + column.maxLength() + " characters");
        }
        if (column.pattern() != null && !column.pattern().matcher(raw).matches()) {
            return Result.invalid("not in the expected format");
        }
        return Result.ok(raw);
    }

    private static Result date(String raw) {
        try {
            return Result.ok(LocalDate.parse(raw, DATE).toString());
        } catch (DateTimeParseException e) {
            return Result.invalid("not a real date in the format dd/mm/yyyy");
        }
    }

    private static Result excelDay(String raw) {
        return Result.ok(EXCEL_EPOCH.plusDays(Long.parseLong(raw)).toString());
    }

    private static Result dateTime(String raw) {
        try {
            return Result.ok(LocalDateTime.parse(raw, DATE_TIME).toString());
        } catch (DateTimeParseException e) {
            return Result.invalid("not a real date and time in the format dd/mm/yyyy HH:MM");
        }
    }

    private static Result integer(ColumnSpecification column, String raw) {
        if (!INTEGER.matcher(raw).matches()) {
            return Result.invalid("not a whole number");
        }
        long value = Long.parseLong(raw);
        if (column.min() != null && value < column.min() || column.max() != null && value > column.max()) {
            return Result.invalid("outside " + column.min() + " to " + column.max());
        }
        return Result.ok(raw);
    }

    private static Result postcode(String raw) {
        var matcher = POSTCODE.matcher(raw);
        if (matcher.matches()) {
            return Result.ok(matcher.group(1) + " " + matcher.group(2));
        }
        matcher = POSTCODE.matcher(WHITESPACE.matcher(raw.toUpperCase(Locale.ROOT)).replaceAll(" ").trim());
        if (!matcher.matches()) {
            // ONSPD's pcd pads the outward code to 4 characters with spaces; collapsed above, so one more try.
            var compact = POSTCODE.matcher(raw.toUpperCase(Locale.ROOT).replace(" ", ""));
            if (!compact.matches()) {
                return Result.invalid("not a UK postcode");
            }
            matcher = compact;
        }
        return Result.ok(matcher.group(1) + " " + matcher.group(2));
    }
}

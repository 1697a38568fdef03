package uk.gov.childrenshomes.generator.output;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Dates as the returns write them: {@code dd/mm/yyyy} and {@code dd/mm/yyyy HH:MM}. Millions of dates are written
 * at scale 1, so the texts of the days 1950–2069 are formatted once and looked up.
 */
public final class DateText {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private static final long FIRST_DAY = LocalDate.of(1950, 1, 1).toEpochDay();
    private static final String[] DAYS = new String[(int) (LocalDate.of(2070, 1, 1).toEpochDay() - FIRST_DAY)];
    private static final String[] MINUTES_OF_DAY = new String[24 * 60];

    static {
        for (int i = 0; i < DAYS.length; i++) {
            DAYS[i] = LocalDate.ofEpochDay(FIRST_DAY + i).format(DATE);
        }
        for (int m = 0; m < MINUTES_OF_DAY.length; m++) {
            MINUTES_OF_DAY[m] = String.format("%02d:%02d", m / 60, m % 60);
        }
    }

    private DateText() {
    }

    /** {@code dd/mm/yyyy}, or an empty field for a missing date. */
    public static String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        long index = date.toEpochDay() - FIRST_DAY;
        return index >= 0 && index < DAYS.length ? DAYS[(int) index] : date.format(DATE);
    }

    /** {@code dd/mm/yyyy HH:MM}, or an empty field for a missing date-time. */
    public static String dateTime(LocalDateTime dateTime) {
        if (dateTime == null) {
            return "";
        }
        return date(dateTime.toLocalDate()) + ' ' + MINUTES_OF_DAY[dateTime.getHour() * 60 + dateTime.getMinute()];
    }
}

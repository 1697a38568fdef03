package uk.gov.childrenshomes.generator;

import java.time.LocalDate;

/**
 * A collection (reporting) year: 1 April of the previous calendar year to 31 March of {@code year}, and the
 * SSDA903 rules that change with it.
 */
public record CollectionYear(int year) {

    public LocalDate start() {
        return LocalDate.of(year - 1, 4, 1);
    }

    public LocalDate end() {
        return LocalDate.of(year, 3, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** SEX is 1/2 up to 2024/25 and M/F/U from 2025/26. */
    public boolean sexAsLetters() {
        return year >= 2026;
    }

    /** K3 (registered supported accommodation) is a PLACE code from 2024/25. */
    public boolean hasK3() {
        return year >= 2025;
    }

    /** H5 (semi-independent accommodation) is a PLACE code up to 2024/25. */
    public boolean hasH5() {
        return year <= 2025;
    }

    /** The social worker episodes table exists from 2023/24. */
    public boolean hasSocialWorkerEpisodes() {
        return year >= 2024;
    }

    /** The collection year that ended on the last 31 March before {@code today}. */
    public static CollectionYear lastEndedBefore(LocalDate today) {
        return new CollectionYear(today.isAfter(LocalDate.of(today.getYear(), 3, 31)) ? today.getYear() : today.getYear() - 1);
    }
}

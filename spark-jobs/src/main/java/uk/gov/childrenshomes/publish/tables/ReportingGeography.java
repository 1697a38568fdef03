package uk.gov.childrenshomes.publish.tables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The geography a release reports on: the LAs operating in the reporting year and, for every earlier year of the
 * time series, how each LA operating then maps onto them through core.la_succession.
 *
 * <p>Rule (also in the release notes of the README): an LA whose area passed whole to one successor (a recode, a
 * merger, a county becoming a unitary) is reported under that successor. An LA split between several successors
 * cannot be apportioned: its children count in the regional and national figures of that year, and every successor
 * it contributes to is unavailable ('x') at LA level for that year. An LA row is also 'x' when any LA it is built
 * from sent no accepted return of the table's return for the year.
 */
public final class ReportingGeography {

    /** One LA operating in {@code year}, the reporting-year LAs its area became, and its region. */
    public record LaMapping(int year, String sourceLaCode, List<String> successors, String regionCode) {

        public LaMapping {
            successors = List.copyOf(successors);
        }

        /** The LA it is reported under, or null when it was split (or has no successor operating). */
        public String reportingLaCode() {
            return successors.size() == 1 ? successors.get(0) : null;
        }
    }

    /** An accepted (loaded) return: LA code as operating in that year, return code, year. */
    public record AcceptedReturn(String laCode, String returnCode, int year) {
    }

    /** Returns sent once for the whole country rather than by each LA. */
    public static final Set<String> NATIONAL_RETURNS = Set.of("ofsted_register");

    private final int reportingYear;
    private final List<Integer> years;
    private final List<LocalAuthority> localAuthorities;
    private final SortedMap<String, String> regions;
    private final List<LaMapping> mappings;
    private final Set<AcceptedReturn> acceptedReturns;

    private ReportingGeography(int reportingYear, List<Integer> years, List<LocalAuthority> localAuthorities,
                               List<LaMapping> mappings, Set<AcceptedReturn> acceptedReturns) {
        this.reportingYear = reportingYear;
        this.years = years;
        this.localAuthorities = localAuthorities;
        this.regions = new TreeMap<>();
        localAuthorities.forEach(la -> regions.put(la.regionCode(), la.regionName()));
        this.mappings = mappings;
        this.acceptedReturns = Set.copyOf(acceptedReturns);
    }

    /**
     * @param lasByYear     LAs operating in each year of the series (must include the reporting year)
     * @param successorsOf  predecessor code to its successor codes (core.la_succession)
     */
    public static ReportingGeography build(int reportingYear, Map<Integer, List<LocalAuthority>> lasByYear,
                                           Map<String, List<String>> successorsOf,
                                           Collection<AcceptedReturn> acceptedReturns) {
        List<LocalAuthority> reporting = lasByYear.get(reportingYear);
        if (reporting == null || reporting.isEmpty()) {
            throw new IllegalArgumentException("No LA operates in " + reportingYear);
        }
        Set<String> reportingCodes = reporting.stream().map(LocalAuthority::code).collect(Collectors.toSet());
        List<LaMapping> mappings = new ArrayList<>();
        for (var year : new TreeMap<>(lasByYear).entrySet()) {
            for (LocalAuthority la : year.getValue()) {
                Set<String> successors = successorsIn(la.code(), reportingCodes, successorsOf, new TreeSet<>());
                mappings.add(new LaMapping(year.getKey(), la.code(), List.copyOf(successors), la.regionCode()));
            }
        }
        List<Integer> years = lasByYear.keySet().stream().filter(y -> y <= reportingYear).sorted().toList();
        List<LocalAuthority> sorted = reporting.stream()
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
        return new ReportingGeography(reportingYear, years, sorted, mappings, Set.copyOf(acceptedReturns));
    }

    /** The LAs of the reporting year that {@code code} became, following successions transitively. */
    private static Set<String> successorsIn(String code, Set<String> reportingCodes, Map<String, List<String>> successorsOf,
                                            Set<String> found) {
        if (reportingCodes.contains(code)) {
            found.add(code);
            return found;
        }
        for (String successor : successorsOf.getOrDefault(code, List.of())) {
            successorsIn(successor, reportingCodes, successorsOf, found);
        }
        return found;
    }

    public int reportingYear() {
        return reportingYear;
    }

    /** Years of the time series, ascending, ending with the reporting year. */
    public List<Integer> years() {
        return years;
    }

    /** LAs operating in the reporting year, by code. */
    public List<LocalAuthority> localAuthorities() {
        return localAuthorities;
    }

    /** Region code to name, by code. */
    public SortedMap<String, String> regions() {
        return regions;
    }

    public List<LaMapping> mappings() {
        return mappings;
    }

    /**
     * Whether the LA row of {@code reportingLaCode} for {@code year} can be published for a table built from
     * {@code returnCode}: every LA it is built from passed whole to it and sent an accepted return (for a national
     * return such as the Ofsted register: the return was accepted for the year).
     */
    public boolean available(String returnCode, int year, String reportingLaCode) {
        List<LaMapping> sources = mappings.stream()
                .filter(m -> m.year() == year && m.successors().contains(reportingLaCode))
                .toList();
        return !sources.isEmpty() && sources.stream().allMatch(m ->
                reportingLaCode.equals(m.reportingLaCode())
                        && (NATIONAL_RETURNS.contains(returnCode) ? availableNationally(returnCode, year)
                        : acceptedReturns.contains(new AcceptedReturn(m.sourceLaCode(), returnCode, year))));
    }

    /**
     * Whether national and regional rows of {@code year} can be published for a table built from {@code returnCode}:
     * always for an LA return (LAs without a return are x at LA level but cannot be separated from the totals);
     * for a national return, when it was accepted for the year.
     */
    public boolean availableNationally(String returnCode, int year) {
        return !NATIONAL_RETURNS.contains(returnCode)
                || acceptedReturns.stream().anyMatch(r -> r.returnCode().equals(returnCode) && r.year() == year);
    }
}

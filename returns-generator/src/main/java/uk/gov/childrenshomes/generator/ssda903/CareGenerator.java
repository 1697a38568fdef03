package uk.gov.childrenshomes.generator.ssda903;

import uk.gov.childrenshomes.generator.ChildIds;
import uk.gov.childrenshomes.generator.CollectionYear;
import uk.gov.childrenshomes.generator.Draw;
import uk.gov.childrenshomes.generator.geography.LaArea;
import uk.gov.childrenshomes.generator.geography.Postcode;
import uk.gov.childrenshomes.generator.geography.SyntheticGeography;
import uk.gov.childrenshomes.generator.ofsted.ChildrensHome;
import uk.gov.childrenshomes.generator.ofsted.HomesRegister;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.SplittableRandom;

import static uk.gov.childrenshomes.generator.output.DateText.date;

/**
 * Generates one LA's children looked after during a year: periods of care, episodes (legal status, placement, where,
 * why it changed, how care ended) and the SSDA903 tables that hang off them. Proportions follow the published
 * national figures (domain.md): ~75% still looked after at 31 March, ~1.5 episodes per child in the year, ~70% in
 * foster care, ~11% in children's homes, ~40% placed outside the LA (46% of those in children's homes).
 */
public final class CareGenerator {

    private static final String[] FOSTER = {"U1", "U2", "U3", "U4", "U5", "U6"};
    /** First character of a UPN: DfE's check letters, which leave out I, O and S. */
    private static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
    /** OC3 ACCOM letters that take a suitability digit (1 suitable, 2 not); X, Y and Z are unsuffixed codes. */
    private static final String ACCOMMODATION_TYPES = "BCDEGHKRSTUVWY";

    /** Placement mix by age band (under 5, 5–11, 12–15, 16–17); "SUP" is H5/K3 supported accommodation. */
    private static final String[] PLACES = {"U1", "U2", "U3", "U4", "U5", "U6", "P1", "P2", "A4", "A5", "A6", "R1",
            "R2", "R3", "R5", "S1", "T0", "T4", "Z1", "K2", "K1", "SUP"};
    private static final double[][] PLACE_WEIGHTS_BY_AGE = {
            {4, 2, 10, 15, 5, 44, 7, 0, 5, 3, 1, 0, 0, 1, 0, 0, 0.2, 0, 0.5, 0.1, 0, 0},
            {4, 3, 11, 17, 6, 45, 6, 0, 1, 0.5, 0, 0.2, 0, 0, 0, 0.5, 0.2, 0, 0.5, 4, 0, 0},
            {3, 2, 9, 14, 5, 38, 4, 0, 0, 0, 0, 0.2, 0.4, 0, 0.3, 1.5, 0.2, 0.2, 1, 19, 0.6, 0},
            {2, 1.5, 7, 10, 4, 29, 3, 2, 0, 0, 0, 0.2, 0.3, 0, 1, 1, 0.2, 0.3, 1, 15, 0.4, 22}};

    private static final String[] ETHNICITIES = {"WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS",
            "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"};
    private static final double[] ETHNICITY_WEIGHTS = {68, 0.5, 0.5, 5, 0.5, 3, 1.5, 1.5, 3, 0.8, 1.5, 0.8, 2.5, 2, 3,
            1.5, 0.2, 2.5, 0.5, 0.2};
    private static final String[] UASC_ETHNICITIES = {"AOTH", "BAFR", "BOTH", "MOTH", "OOTH"};

    private static final String[] PLACE_CHANGE_REASONS = {"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB",
            "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"};
    private static final double[] PLACE_CHANGE_WEIGHTS = {30, 5, 3, 4, 2, 15, 10, 10, 10, 5, 2, 4};

    private static final String[] LEAVING_REASONS = {"E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E14",
            "E15", "E16", "E17", "E2", "E3", "E5", "E6", "E7", "E8", "E9"};
    private static final double[] LEAVING_WEIGHTS = {30, 3, 8, 6, 4, 2, 2, 3, 2, 2, 2, 3, 0.3, 2, 3, 2, 2, 10, 1};
    private static final String[] ADULT_LEAVING_REASONS = {"E5", "E6", "E7", "E8", "E13", "E4A"};
    private static final double[] ADULT_LEAVING_WEIGHTS = {25, 20, 8, 30, 7, 10};

    private final CollectionYear year;
    private final LaArea area;
    private final SyntheticGeography geography;
    private final HomesRegister homes;
    private final SplittableRandom random;
    private final ChildIds ids;
    private final SortedSet<String> neighbours;
    private final List<String> socialWorkers = new ArrayList<>();

    public CareGenerator(CollectionYear year, LaArea area, SyntheticGeography geography, HomesRegister homes,
                         SplittableRandom random) {
        this.year = year;
        this.area = area;
        this.geography = geography;
        this.homes = homes;
        this.random = random;
        this.ids = new ChildIds("", random);
        this.neighbours = geography.adjacent(area.code());
        int workers = 5 + (int) (area.sizeShare() * 4_000);
        for (int i = 0; i < workers; i++) {
            socialWorkers.add(String.format("SW%05d", random.nextInt(100_000)));
        }
    }

    /**
     * {@code lookedAfter} children looked after during the year (about 2.5% of them on short-break series only) and
     * about a third as many care leavers reported in OC3 only.
     */
    public List<ChildRecord> generate(int lookedAfter) {
        List<ChildRecord> children = new ArrayList<>(lookedAfter + lookedAfter / 3);
        for (int i = 0; i < lookedAfter; i++) {
            children.add(Draw.chance(random, 0.025) ? shortBreakChild() : lookedAfterChild());
        }
        int careLeavers = (int) Math.round(lookedAfter * 0.33);
        for (int i = 0; i < careLeavers; i++) {
            children.add(careLeaver());
        }
        return children;
    }

    private ChildRecord lookedAfterChild() {
        LocalDate start = year.start();
        LocalDate end = year.end();
        boolean uasc = Draw.chance(random, 0.07);
        int ageAtStart = uasc ? 14 + random.nextInt(4) : ageAtYearStart();
        LocalDate dob = ageAtStart < 0
                ? start.plusDays(random.nextInt(300))
                : start.minusYears(ageAtStart).minusDays(1 + random.nextInt(365));
        LocalDate eighteenth = dob.plusYears(18);
        // A child who turns 18 in the first week of the year has no time left to start care in it.
        boolean starter = ageAtStart < 0
                || Draw.chance(random, uasc ? 0.45 : 0.28) && eighteenth.isAfter(start.plusDays(7));
        LocalDate careStart;
        if (starter) {
            LocalDate earliest = dob.isAfter(start) ? dob : start;
            LocalDate latest = eighteenth.minusDays(2).isBefore(end) ? eighteenth.minusDays(2) : end;
            careStart = earliest.plusDays(random.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(earliest, latest))));
        } else {
            long maxBack = Math.max(1, ChronoUnit.DAYS.between(dob, start) - 1);
            careStart = start.minusDays(1 + Math.min(maxBack - 1, (long) (-900 * Math.log(1 - random.nextDouble()))));
        }
        LocalDate careEnd = null;
        if (Draw.chance(random, starter ? 0.22 : 0.12)) {
            LocalDate from = careStart.isAfter(start) ? careStart : start;
            careEnd = from.plusDays(1 + random.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(from, end))));
        }
        if (!eighteenth.isAfter(end) && (careEnd == null || careEnd.isAfter(eighteenth))) {
            careEnd = eighteenth;
        }
        if (careEnd != null && !careEnd.isAfter(careStart)) {
            careEnd = careStart.plusDays(1);
        }
        String child = ids.next();
        ChildHeader header = header(child, dob, uasc);
        Postcode home = homePostcode(uasc);
        List<Episode> episodes = episodes(child, dob, careStart, careEnd, uasc, home);
        List<Ssda903Row> details = new ArrayList<>();
        String dobText = date(dob);
        if (uasc) {
            details.add(new Ssda903Row(Ssda903Table.UASC, child, header.sex(), dobText, date(eighteenth)));
        }
        addReviews(details, child, dobText, dob, careStart, careEnd);
        if (careEnd == null && !careStart.isAfter(end.minusYears(1))) {
            details.add(outcomes(child, dobText, dob));
        }
        addAdoption(details, child, dobText, episodes);
        if (!careStart.isBefore(start)) {
            details.add(previousPermanence(child, dobText));
        }
        if (careEnd == null && year.hasSocialWorkerEpisodes()) {
            addSocialWorkerEpisodes(details, child, dobText, careStart);
        }
        return new ChildRecord(header, episodes, details);
    }

    /** Age in whole years at 1 April; -1 for a baby born during the year. Teenagers dominate, as nationally. */
    private int ageAtYearStart() {
        double[] weights = {4, 6, 3.2, 3.2, 3.2, 3.2, 3.4, 3.4, 3.4, 3.4, 3.4, 6.3, 6.3, 6.3, 6.3, 6.3, 6.3, 8, 8};
        return Draw.weighted(random, weights) - 1;
    }

    private ChildHeader header(String child, LocalDate dob, boolean uasc) {
        boolean male = Draw.chance(random, uasc ? 0.92 : 0.55);
        String sex = year.sexAsLetters()
                ? (Draw.chance(random, 0.001) ? "U" : male ? "M" : "F")
                : male ? "1" : "2";
        String ethnicity = uasc ? UASC_ETHNICITIES[random.nextInt(UASC_ETHNICITIES.length)]
                : Draw.code(random, ETHNICITIES, ETHNICITY_WEIGHTS);
        long ageYears = ChronoUnit.YEARS.between(dob, year.end());
        String upn = ageYears < 4 ? "UN1"
                : UPN_LETTERS.charAt(random.nextInt(UPN_LETTERS.length())) + String.format("%012d", random.nextLong(1_000_000_000_000L));
        boolean couldBeMother = !male && ageYears >= 13;
        boolean mother = couldBeMother && Draw.chance(random, 0.02);
        return new ChildHeader(child, sex, dob, ethnicity, upn, couldBeMother ? (mother ? "1" : "0") : "",
                mother ? year.start().plusDays(random.nextInt(365)) : null);
    }

    /** The family home: mostly in the LA, sometimes just over the border; not known for some (often UASC). */
    private Postcode homePostcode(boolean uasc) {
        if (Draw.chance(random, uasc ? 0.3 : 0.015)) {
            return null;
        }
        if (!neighbours.isEmpty() && Draw.chance(random, 0.04)) {
            return geography.randomPostcode(pick(neighbours), random);
        }
        return geography.randomPostcode(area.code(), random);
    }

    private List<Episode> episodes(String child, LocalDate dob, LocalDate careStart, LocalDate careEnd, boolean uasc,
                                   Postcode home) {
        LocalDate start = year.start();
        LocalDate horizon = careEnd != null ? careEnd : year.end().plusDays(1);
        String cin = uasc ? "N8" : Draw.code(random, new String[] {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"},
                new double[] {66, 3, 3, 8, 13, 2, 0.2, 5});
        String legalStatus = initialLegalStatus(uasc, !careStart.isBefore(start));
        // The episode open at 1 April began after the period of care did; for a starter it is the first episode.
        LocalDate decom = careStart.isBefore(start)
                ? latest(careStart, start.minusDays(1 + (long) (-300 * Math.log(1 - random.nextDouble()))))
                : careStart;
        String rne = decom.equals(careStart) ? "S" : Draw.code(random, new String[] {"P", "L", "B"}, new double[] {6, 3, 1});
        Placement placement = placement(dob, decom, legalStatus, home, null);
        if (placement.place.startsWith("A")) {
            legalStatus = "E1"; // placed for adoption: under a placement order
        }
        double changesPerYear = 0.55 + (placement.place.equals("K2") ? 0.9 : 0) + (uasc ? 0.3 : 0);
        List<Episode> episodes = new ArrayList<>();
        Episode current = episode(child, decom, rne, legalStatus, cin, placement, home);
        LocalDate cursor = decom.isBefore(start) ? start : decom;
        while (true) {
            long gap = 1 + (long) (-365 / changesPerYear * Math.log(1 - random.nextDouble()));
            LocalDate next = cursor.plusDays(gap);
            if (!next.isBefore(horizon) || next.isAfter(year.end())) {
                break;
            }
            String change = Draw.code(random, new String[] {"P", "L", "B", "T", "U"}, new double[] {55, 25, 12, 6, 2});
            boolean placementChanges = !change.equals("L");
            boolean legalChanges = change.equals("L") || change.equals("B") || change.equals("U");
            String newLegal = legalChanges ? nextLegalStatus(legalStatus, dob, next) : legalStatus;
            Placement newPlacement = placementChanges ? placement(dob, next, newLegal, home, placement) : placement;
            if (newPlacement.place.startsWith("A") && !newLegal.equals("E1")) {
                newLegal = "E1"; // adoption placements need a placement order
                change = placementChanges ? "B" : "L";
            }
            episodes.add(current.closed(next, "X1",
                    placementChanges ? Draw.code(random, PLACE_CHANGE_REASONS, PLACE_CHANGE_WEIGHTS) : null));
            legalStatus = newLegal;
            placement = newPlacement;
            current = episode(child, next, change, legalStatus, cin, placement, home);
            cursor = next;
        }
        if (careEnd != null) {
            current = current.closed(careEnd, reasonCeased(current, dob, careEnd), null);
        }
        episodes.add(current);
        return episodes;
    }

    private String initialLegalStatus(boolean uasc, boolean starter) {
        if (uasc) {
            return "V2";
        }
        return starter
                ? Draw.code(random, new String[] {"V2", "C1", "L1", "L2", "J2", "J3"}, new double[] {45, 42, 6, 4, 1.5, 1.5})
                : Draw.code(random, new String[] {"C2", "V2", "E1", "C1", "J1", "J3"}, new double[] {64, 16, 7, 11, 1, 1});
    }

    private String nextLegalStatus(String current, LocalDate dob, LocalDate on) {
        boolean young = ChronoUnit.YEARS.between(dob, on) < 5;
        return switch (current) {
            case "C1" -> young && Draw.chance(random, 0.25) ? "E1" : "C2";
            case "C2" -> young && Draw.chance(random, 0.3) ? "E1" : "C2";
            case "V2", "L1", "L2", "J2", "J3", "J1" -> "C1";
            default -> current;
        };
    }

    /** A record of where a child is placed: SSDA903 codes plus the area the placement lies in. */
    private record Placement(String place, String provider, Postcode postcode, String urn, String placementArea) {
    }

    private Placement placement(LocalDate dob, LocalDate on, String legalStatus, Postcode home, Placement previous) {
        long age = ChronoUnit.YEARS.between(dob, on);
        int band = age < 5 ? 0 : age < 12 ? 1 : age < 16 ? 2 : 3;
        String place;
        do {
            place = PLACES[Draw.weighted(random, PLACE_WEIGHTS_BY_AGE[band])];
        } while (place.startsWith("A") && !legalStatus.equals("E1") && !legalStatus.equals("C2"));
        if (place.equals("SUP")) {
            place = year.hasK3() && (!year.hasH5() || Draw.chance(random, 0.5)) ? "K3" : "H5";
        }
        if (previous != null && place.equals(previous.place) && Draw.chance(random, 0.5)) {
            place = FOSTER[random.nextInt(FOSTER.length)]; // moves usually change the kind of carer too
        }
        if (place.equals("K1") || place.equals("K2")) {
            Placement inHome = homePlacement(place.equals("K1"), on, home);
            if (inHome != null) {
                return inHome;
            }
            place = "U6"; // no home open anywhere that day (tiny scales): a foster placement instead
        }
        String area = placementArea(place);
        Postcode postcode = area.length() == 9 && area.startsWith("E")
                ? nearHome(area, home)
                : pickOutsideEngland(area);
        return new Placement(place, provider(place, area), postcode, urnFor(place), area);
    }

    private Placement homePlacement(boolean secure, LocalDate on, Postcode home) {
        double inArea = secure ? 0.3 : 0.54;
        ChildrensHome chosen = null;
        if (Draw.chance(random, inArea)) {
            chosen = homes.homeIn(area.code(), secure, on, random);
        }
        if (chosen == null && !neighbours.isEmpty() && Draw.chance(random, 0.5)) {
            chosen = homes.homeIn(pick(neighbours), secure, on, random);
        }
        if (chosen == null) {
            chosen = homes.homeAnywhere(secure, on, random);
        }
        if (chosen == null) {
            return null;
        }
        String provider = switch (chosen.sector()) {
            case ChildrensHome.LOCAL_AUTHORITY -> chosen.laCode().equals(area.code()) ? "PR1" : "PR2";
            case ChildrensHome.VOLUNTARY -> "PR5";
            default -> "PR4";
        };
        return new Placement(chosen.placeCode(), provider, chosen.postcode(), chosen.urn(), chosen.laCode());
    }

    /** The LA (or country) of a placement other than a children's home. */
    private String placementArea(String place) {
        double outside = switch (place) {
            case "P1", "T0", "T4" -> 0.05;
            case "U1", "U2", "U3" -> 0.34;
            case "U4", "U5", "U6" -> 0.44;
            case "H5", "K3", "Z1", "P2" -> 0.5;
            default -> 0.6;
        };
        if (!Draw.chance(random, outside)) {
            return area.code();
        }
        double u = random.nextDouble();
        if (u < 0.02) {
            return u < 0.015 ? Postcode.WALES : Postcode.SCOTLAND;
        }
        if (u < 0.8 && !neighbours.isEmpty()) {
            return pick(neighbours);
        }
        List<LaArea> all = geography.areas();
        LaArea elsewhere;
        do {
            elsewhere = all.get(random.nextInt(all.size()));
        } while (elsewhere.code().equals(area.code()));
        return elsewhere.code();
    }

    private Postcode nearHome(String laCode, Postcode home) {
        if (home == null) {
            return geography.randomPostcode(laCode, random);
        }
        return geography.nearbyPostcode(laCode, home.easting(), home.northing(), laCode.equals(area.code()) ? 2 : 6, random);
    }

    private Postcode pickOutsideEngland(String country) {
        List<Postcode> candidates = geography.outsideEngland().stream().filter(p -> p.countryCode().equals(country)).toList();
        return candidates.get(random.nextInt(candidates.size()));
    }

    private String provider(String place, String placementArea) {
        return switch (place) {
            case "U1", "U2", "U3", "R3", "T0", "T4" -> "PR1";
            case "U4", "U5", "U6" -> Draw.code(random, new String[] {"PR1", "PR4", "PR5"}, new double[] {58, 37, 5});
            case "P1" -> "PR0";
            case "A4", "A5", "A6" -> placementArea.equals(area.code()) ? "PR1"
                    : Draw.code(random, new String[] {"PR2", "PR5"}, new double[] {60, 40});
            case "R2", "R5" -> "PR3";
            case "H5", "K3", "P2", "R1", "Z1" -> Draw.code(random, new String[] {"PR4", "PR5", "PR1"}, new double[] {80, 10, 10});
            default -> Draw.code(random, new String[] {"PR4", "PR5"}, new double[] {80, 20});
        };
    }

    /**
     * URN as SSDA903 wants it: the home's for K1/K2 (set elsewhere); none for the placement types of DfE rule 222;
     * XXXXXXX (not an Ofsted-registered provision here) otherwise.
     */
    private static String urnFor(String place) {
        return switch (place) {
            case "H5", "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1" -> null;
            default -> "XXXXXXX";
        };
    }

    private Episode episode(String child, LocalDate decom, String rne, String legalStatus, String cin,
                            Placement placement, Postcode home) {
        // ~2.5% of placements have no postcode recorded; children's homes always do (the URN locates them).
        boolean postcodeRecorded = placement.urn != null && !placement.urn.equals("XXXXXXX") || !Draw.chance(random, 0.025);
        return new Episode(child, decom, rne, legalStatus, cin, placement.place, placement.provider, null, null, null,
                home == null ? null : home.text(), postcodeRecorded ? placement.postcode.text() : null, placement.urn,
                placement.placementArea);
    }

    private String reasonCeased(Episode last, LocalDate dob, LocalDate careEnd) {
        if (!careEnd.isBefore(dob.plusYears(18))) {
            return Draw.code(random, ADULT_LEAVING_REASONS, ADULT_LEAVING_WEIGHTS);
        }
        if (last.place().startsWith("A")) {
            return Draw.chance(random, 0.9) ? "E11" : "E12";
        }
        return Draw.code(random, LEAVING_REASONS, LEAVING_WEIGHTS);
    }

    /** Short-break series: V3 (each break an episode) or V4 (one episode for the agreement). */
    private ChildRecord shortBreakChild() {
        LocalDate start = year.start();
        LocalDate dob = start.minusYears(5 + random.nextInt(12)).minusDays(random.nextInt(365));
        String child = ids.next();
        ChildHeader header = header(child, dob, false);
        Postcode home = geography.randomPostcode(area.code(), random);
        boolean inHome = Draw.chance(random, 0.35);
        ChildrensHome shortBreakHome = inHome ? homes.homeIn(area.code(), false, start, random) : null;
        String place = shortBreakHome != null ? "K2" : Draw.chance(random, 0.5) ? "U4" : "U6";
        String provider = shortBreakHome == null ? "PR1" : shortBreakHome.sector().equals(ChildrensHome.LOCAL_AUTHORITY) ? "PR1" : "PR4";
        String plPost = shortBreakHome != null ? shortBreakHome.postcode().text()
                : geography.nearbyPostcode(area.code(), home.easting(), home.northing(), 3, random).text();
        String urn = shortBreakHome != null ? shortBreakHome.urn() : "XXXXXXX";
        String cin = "N2"; // short breaks are for disabled children
        List<Episode> episodes = new ArrayList<>();
        if (Draw.chance(random, 0.5)) {
            LocalDate agreed = start.minusDays(random.nextInt(700));
            LocalDate end = Draw.chance(random, 0.8) ? null : start.plusDays(30 + random.nextInt(300));
            episodes.add(new Episode(child, agreed, "S", "V4", cin, place, provider, end, end == null ? null : "E13",
                    null, home.text(), plPost, urn, area.code()));
        } else {
            LocalDate cursor = start.plusDays(random.nextInt(30));
            while (cursor.isBefore(year.end().minusDays(5))) {
                LocalDate end = cursor.plusDays(1 + random.nextInt(4));
                episodes.add(new Episode(child, cursor, "S", "V3", cin, place, provider, end, "E13", null, home.text(),
                        plPost, urn, area.code()));
                cursor = end.plusDays(14 + random.nextInt(30));
            }
        }
        String dobText = date(dob);
        List<Ssda903Row> details = new ArrayList<>();
        details.add(new Ssda903Row(Ssda903Table.REVIEWS, child, dobText, date(start.plusDays(100 + random.nextInt(150))), "PN1"));
        return new ChildRecord(header, episodes, details);
    }

    /** A former looked-after young person aged 17–21 around their birthday in the year: OC3 only. */
    private ChildRecord careLeaver() {
        int age = 17 + random.nextInt(5);
        LocalDate dob = year.start().minusYears(age).plusDays(1 + random.nextInt(364)); // not yet 21 on 1 April (rule 351)
        String child = ids.next();
        ChildHeader header = header(child, dob, false);
        String inTouch = Draw.code(random, new String[] {"YES", "NO", "DIED", "REFU", "NREQ"}, new double[] {87, 5, 0.3, 3.7, 4});
        boolean known = inTouch.equals("YES");
        String activity = known ? Draw.code(random, new String[] {"F1", "P1", "F2", "P2", "F4", "P4", "G4", "G5", "G6"},
                new double[] {7, 1, 20, 3, 18, 6, 8, 30, 7}) : "";
        String accommodation = known ? ACCOMMODATION_TYPES.charAt(random.nextInt(ACCOMMODATION_TYPES.length()))
                + (Draw.chance(random, 0.9) ? "1" : "2") : "";
        List<Ssda903Row> details = List.of(new Ssda903Row(Ssda903Table.OC3, child, date(dob), inTouch, activity, accommodation));
        return new ChildRecord(header, List.of(), details);
    }

    /** Statutory reviews: 20 working days after care starts, 3 months later, then every 6 months. */
    private void addReviews(List<Ssda903Row> rows, String child, String dobText, LocalDate dob, LocalDate careStart,
                            LocalDate careEnd) {
        LocalDate review = careStart.plusDays(28);
        int made = 0;
        LocalDate stop = careEnd != null ? careEnd : year.end();
        while (!review.isAfter(stop)) {
            if (!review.isBefore(year.start())) {
                String code = ChronoUnit.YEARS.between(dob, review) < 4 ? "PN0"
                        : Draw.code(random, new String[] {"PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"},
                        new double[] {35, 15, 15, 10, 10, 8, 7});
                rows.add(new Ssda903Row(Ssda903Table.REVIEWS, child, dobText, date(review), code));
            }
            review = review.plusDays((made++ == 0 ? 91 : 182) + random.nextInt(11) - 5);
        }
    }

    /** OC2: children looked after continuously for 12 months at 31 March. */
    private Ssda903Row outcomes(String child, String dobText, LocalDate dob) {
        long age = ChronoUnit.YEARS.between(dob, year.end());
        boolean sdqAge = age >= 4 && age <= 16;
        boolean sdqDone = sdqAge && Draw.chance(random, 0.75);
        boolean misuse = age >= 10 && Draw.chance(random, 0.04);
        return new Ssda903Row(Ssda903Table.OC2, child, dobText,
                sdqDone ? String.valueOf(Math.min(40, (int) Math.abs(14 + 7 * Draw.gaussian(random)))) : "",
                sdqAge && !sdqDone ? "SDQ" + (1 + random.nextInt(5)) : "",
                age >= 10 ? flag(0.03) : "", flag(0.9), flag(0.86), flag(0.75), flag(0.9), misuse ? "1" : "0",
                misuse ? flag(0.6) : "", misuse ? flag(0.8) : "");
    }

    private String flag(double probabilityOfOne) {
        return Draw.chance(random, probabilityOfOne) ? "1" : "0";
    }

    /** Placed for adoption and, when adopted in the year, AD1. */
    private void addAdoption(List<Ssda903Row> rows, String child, String dobText, List<Episode> episodes) {
        Episode adoptive = episodes.stream().filter(e -> e.place().startsWith("A")).findFirst().orElse(null);
        if (adoptive == null) {
            return;
        }
        LocalDate decision = adoptive.decom().minusDays(30 + random.nextInt(200));
        Episode last = episodes.get(episodes.size() - 1);
        boolean adopted = "E11".equals(last.rec()) || "E12".equals(last.rec());
        rows.add(new Ssda903Row(Ssda903Table.PLACED_FOR_ADOPTION, child, dobText, date(decision),
                adopted ? date(last.dec()) : "", adopted ? "RD1" : "")); // RD1: the child was adopted
        if (adopted) {
            int adopters = Draw.chance(random, 0.8) ? 2 : 1;
            String sexes = adopters == 2 ? Draw.code(random, new String[] {"MF", "FF", "MM"}, new double[] {88, 7, 5})
                    : Draw.chance(random, 0.85) ? "F1" : "M1";
            rows.add(new Ssda903Row(Ssda903Table.AD1, child, dobText, date(decision),
                    date(adoptive.decom().minusDays(random.nextInt(25))), flag(0.15), String.valueOf(adopters), sexes,
                    adopters == 2 ? Draw.code(random, new String[] {"L11", "L12", "L2"}, new double[] {75, 5, 20}) : "L0"));
        }
    }

    private Ssda903Row previousPermanence(String child, String dobText) {
        String previous = Draw.code(random, new String[] {"Z1", "P1", "P2", "P3"}, new double[] {85, 4, 7, 4});
        if (previous.equals("Z1")) {
            return new Ssda903Row(Ssda903Table.PREVIOUS_PERMANENCE, child, dobText, "Z1", "", "");
        }
        LocalDate when = year.start().minusYears(1 + random.nextInt(8)).plusDays(random.nextInt(365));
        return new Ssda903Row(Ssda903Table.PREVIOUS_PERMANENCE, child, dobText, previous,
                area.authority().oldCode(), date(when));
    }

    /** Social worker episodes covering the year for a child looked after at 31 March; the last one open. */
    private void addSocialWorkerEpisodes(List<Ssda903Row> rows, String child, String dobText, LocalDate careStart) {
        LocalDate from = careStart.isAfter(year.start()) ? careStart : year.start().minusDays(random.nextInt(400));
        int changes = Draw.weighted(random, new double[] {50, 35, 15});
        for (int i = 0; i <= changes; i++) {
            boolean last = i == changes;
            long remaining = ChronoUnit.DAYS.between(from, year.end());
            LocalDate to = last || remaining < 2 ? null : from.plusDays(1 + random.nextInt((int) remaining - 1));
            rows.add(new Ssda903Row(Ssda903Table.SW_EPISODES, child, dobText, socialWorkers.get(random.nextInt(socialWorkers.size())),
                    date(from), date(to), to == null ? "" : Draw.code(random,
                    new String[] {"MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "OTHERS"},
                    new double[] {10, 5, 30, 10, 15, 8, 6, 6, 10})));
            if (to == null) {
                break;
            }
            from = to;
        }
    }

    private String pick(SortedSet<String> codes) {
        int index = random.nextInt(codes.size());
        for (String code : codes) {
            if (index-- == 0) {
                return code;
            }
        }
        throw new IllegalStateException();
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}

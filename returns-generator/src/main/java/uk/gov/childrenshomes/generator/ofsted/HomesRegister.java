package uk.gov.childrenshomes.generator.ofsted;

import uk.gov.childrenshomes.generator.Draw;
import uk.gov.childrenshomes.generator.RandomStreams;
import uk.gov.childrenshomes.generator.geography.LaArea;
import uk.gov.childrenshomes.generator.geography.SyntheticGeography;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The synthetic Ofsted register of children's homes for a year: ~2,900 homes with ~11,000 places open at 31 March at
 * scale 1 (Ofsted 2023: 2,880 homes, 10,818 places), mostly private, concentrated in the North West and the
 * Midlands as the real supply is, plus ~14 secure children's homes, homes opened in the year and homes closed in it.
 */
public final class HomesRegister {

    static final int NATIONAL_HOMES = 2_900;
    static final int NATIONAL_SECURE_HOMES = 14;

    /** Relative supply of homes per child by region: the real market is far denser in the north-west. */
    private static final Map<String, Double> REGIONAL_SUPPLY = Map.of(
            "E12000001", 1.1, "E12000002", 1.7, "E12000003", 1.0, "E12000004", 1.15, "E12000005", 1.45,
            "E12000006", 0.7, "E12000007", 0.35, "E12000008", 0.8, "E12000009", 0.9);

    private static final String[] JUDGEMENTS = {"Outstanding", "Good", "Requires improvement to be good", "Inadequate"};
    private static final double[] JUDGEMENT_WEIGHTS = {20, 62, 14, 4};
    private static final double[] PLACES_WEIGHTS = {10, 18, 22, 22, 11, 8, 3, 2, 1.5, 1, 1, 0.5};

    private final List<ChildrensHome> homes;
    /** Homes open at 31 March (placements go only to homes that stay open), by LA, per kind (secure or not). */
    private final Map<Boolean, Map<String, List<ChildrensHome>>> placeableByLa = new TreeMap<>();
    private final Map<Boolean, List<ChildrensHome>> placeable = new TreeMap<>();
    private final Map<Boolean, Draw.Table> placeableByPlaces = new TreeMap<>();

    private HomesRegister(List<ChildrensHome> homes) {
        this.homes = List.copyOf(homes);
        for (boolean secure : new boolean[] {false, true}) {
            List<ChildrensHome> open = homes.stream().filter(h -> h.closureDate() == null && h.secure() == secure).toList();
            placeable.put(secure, open);
            placeableByPlaces.put(secure, new Draw.Table(open.stream().mapToDouble(ChildrensHome::places).toArray()));
            Map<String, List<ChildrensHome>> byLa = new TreeMap<>();
            open.forEach(h -> byLa.computeIfAbsent(h.laCode(), la -> new ArrayList<>()).add(h));
            placeableByLa.put(secure, byLa);
        }
    }

    /**
     * Homes for {@code collectionYear}. Every LA but the tiniest has at least one home so that small scales keep
     * in-area children's home placements possible.
     */
    public static HomesRegister build(SyntheticGeography geography, int collectionYear, double scale,
                                      RandomStreams streams) {
        SplittableRandom random = streams.stream("ofsted");
        LocalDate yearStart = LocalDate.of(collectionYear - 1, 4, 1);
        double supplyTotal = 0;
        for (LaArea area : geography.areas()) {
            supplyTotal += area.sizeShare() * REGIONAL_SUPPLY.get(area.authority().regionCode());
        }
        List<ChildrensHome> homes = new ArrayList<>();
        Set<String> urns = new HashSet<>();
        int secureToPlace = Math.max(1, (int) Math.round(NATIONAL_SECURE_HOMES * scale));
        for (LaArea area : geography.areas()) {
            double expected = NATIONAL_HOMES * scale * area.sizeShare()
                    * REGIONAL_SUPPLY.get(area.authority().regionCode()) / supplyTotal;
            int open = (int) Math.floor(expected + random.nextDouble());
            if (open == 0 && area.sizeShare() > 0.001) {
                open = 1;
            }
            int closedInYear = (int) Math.floor(open * 0.07 + random.nextDouble());
            for (int i = 0; i < open + closedInYear; i++) {
                homes.add(home(area, geography, false, i >= open, yearStart, random, urns));
            }
        }
        // Secure homes are few and mostly in big LAs: draw their LAs by size.
        double[] shares = geography.areas().stream().mapToDouble(LaArea::sizeShare).toArray();
        for (int i = 0; i < secureToPlace; i++) {
            LaArea area = geography.areas().get(Draw.weighted(random, shares));
            homes.add(home(area, geography, true, false, yearStart, random, urns));
        }
        return new HomesRegister(homes);
    }

    private static ChildrensHome home(LaArea area, SyntheticGeography geography, boolean secure, boolean closesInYear,
                                      LocalDate yearStart, SplittableRandom random, Set<String> urns) {
        LocalDate registered = random.nextDouble() < 0.1 && !secure
                ? yearStart.plusDays(random.nextInt(365))
                : LocalDate.of(1995 + random.nextInt(yearStart.getYear() - 1995), 1, 1).plusDays(random.nextInt(365));
        if (registered.isAfter(yearStart.plusDays(364))) {
            registered = yearStart.plusDays(364);
        }
        LocalDate closed = null;
        if (closesInYear) {
            LocalDate earliest = registered.isAfter(yearStart) ? registered.plusDays(1) : yearStart;
            closed = earliest.plusDays(random.nextInt((int) Math.max(1, yearStart.plusDays(365).toEpochDay() - earliest.toEpochDay())));
        }
        String sector = secure ? ChildrensHome.LOCAL_AUTHORITY
                : Draw.code(random, new String[] {ChildrensHome.PRIVATE, ChildrensHome.LOCAL_AUTHORITY, ChildrensHome.VOLUNTARY},
                        new double[] {83, 13, 4});
        int places = secure ? 8 + random.nextInt(30) : 1 + Draw.weighted(random, PLACES_WEIGHTS);
        boolean inspected = registered.isBefore(yearStart.minusMonths(6)) || random.nextDouble() < 0.3;
        LocalDate inspection = inspected
                ? latest(registered.plusDays(60 + random.nextInt(200)), yearStart.minusDays(random.nextInt(300)))
                : null;
        if (inspection != null && inspection.isAfter(yearStart.plusDays(364))) {
            inspection = null;
        }
        return new ChildrensHome(newUrn(registered, random, urns), area.code(), secure, sector, registered, closed,
                places, inspection == null ? null : Draw.code(random, JUDGEMENTS, JUDGEMENT_WEIGHTS), inspection,
                geography.randomPostcode(area.code(), random));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Ofsted's forms: SC + 6 digits for registrations before 2014, 7 digits from 2000000 after. */
    private static String newUrn(LocalDate registered, SplittableRandom random, Set<String> used) {
        while (true) {
            // SC9xxxxx is never issued here: the fault injector uses it for URNs that are not on the register.
            String urn = registered.getYear() < 2014
                    ? String.format("SC%06d", random.nextInt(900_000))
                    : String.valueOf(2_000_000 + random.nextInt(1_000_000));
            if (used.add(urn)) {
                return urn;
            }
        }
    }

    public List<ChildrensHome> homes() {
        return homes;
    }

    /** A home of the LA open on {@code date}, drawn by places; {@code null} if the LA has none. */
    public ChildrensHome homeIn(String laCode, boolean secure, LocalDate date, SplittableRandom random) {
        List<ChildrensHome> candidates = placeableByLa.get(secure).getOrDefault(laCode, List.of()).stream()
                .filter(h -> h.openOn(date)).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        return candidates.get(Draw.weighted(random, candidates.stream().mapToDouble(ChildrensHome::places).toArray()));
    }

    /** A home anywhere in England open on {@code date}, drawn by places (where the supply is); {@code null} if none. */
    public ChildrensHome homeAnywhere(boolean secure, LocalDate date, SplittableRandom random) {
        List<ChildrensHome> candidates = placeable.get(secure);
        for (int attempt = 0; attempt < 20 && !candidates.isEmpty(); attempt++) {
            ChildrensHome home = candidates.get(placeableByPlaces.get(secure).sample(random));
            if (home.openOn(date)) {
                return home;
            }
        }
        return candidates.stream().filter(h -> h.openOn(date)).findFirst().orElse(null);
    }
}

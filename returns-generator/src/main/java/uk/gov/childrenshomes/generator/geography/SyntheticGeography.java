package uk.gov.childrenshomes.generator.geography;

import uk.gov.childrenshomes.generator.Draw;
import uk.gov.childrenshomes.generator.RandomStreams;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A synthetic but consistent geography for one collection year: every operating LA gets a centre near its real
 * region, an area, lower-tier districts if it is a county, and postcodes scattered around its centre; LAs whose
 * areas touch are adjacent. Placement distances and "at a distance" then come out of the same coordinates the
 * pipeline reads back from ONSPD.
 */
public final class SyntheticGeography {

    /** Children looked after at some point in a year, England, at scale 1 (domain.md). */
    public static final int NATIONAL_CHILDREN_IN_YEAR = 110_000;

    private static final String ENGLISH_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    private static final String AREA_FIRST_LETTERS = "ABDEFGHJKLMNPRSTUWY";
    private static final String AREA_SECOND_LETTERS = "ABCDEFGHKLMNPRSTUWY";
    /** Real Welsh and Scottish postcode areas, kept out of the English pool. */
    private static final Set<String> NON_ENGLISH_AREAS = Set.of("CF", "SA", "LL", "NP", "LD", "EH", "KY", "AB", "DD", "PA");

    /** Approximate real centres (OS grid metres) and radii of the English regions. */
    private static final Map<String, int[]> REGION_CENTRES = Map.of(
            "E12000001", new int[] {415_000, 565_000, 55_000},
            "E12000002", new int[] {355_000, 445_000, 75_000},
            "E12000003", new int[] {445_000, 440_000, 70_000},
            "E12000004", new int[] {475_000, 330_000, 75_000},
            "E12000005", new int[] {385_000, 285_000, 65_000},
            "E12000006", new int[] {575_000, 260_000, 85_000},
            "E12000007", new int[] {530_000, 180_000, 24_000},
            "E12000008", new int[] {480_000, 145_000, 105_000},
            "E12000009", new int[] {295_000, 105_000, 120_000});

    private final List<LaArea> areas;
    private final Map<String, LaArea> areasByCode;
    private final Map<String, SortedSet<String>> adjacency;
    private final List<Postcode> outsideEngland;
    private final List<Postcode> terminated;
    private final Map<String, Postcode> postcodesByText = new HashMap<>();

    private SyntheticGeography(List<LaArea> areas, Map<String, SortedSet<String>> adjacency,
                               List<Postcode> outsideEngland, List<Postcode> terminated) {
        this.areas = List.copyOf(areas);
        this.areasByCode = new LinkedHashMap<>();
        areas.forEach(a -> areasByCode.put(a.code(), a));
        this.adjacency = adjacency;
        this.outsideEngland = List.copyOf(outsideEngland);
        this.terminated = List.copyOf(terminated);
        areas.forEach(a -> a.postcodes().forEach(p -> postcodesByText.put(p.text(), p)));
        outsideEngland.forEach(p -> postcodesByText.put(p.text(), p));
    }

    /**
     * Lays out {@code authorities} (the LAs of one year) with enough postcodes for {@code scale}. Depends only on the
     * LA set, the scale and the "geography" stream, never on which LAs are written.
     */
    public static SyntheticGeography build(List<LocalAuthority> authorities, double scale, RandomStreams streams) {
        SplittableRandom random = streams.stream("geography");
        double[] weights = new double[authorities.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = relativeSize(authorities.get(i)) * Math.exp(0.2 * Draw.gaussian(random));
            total += weights[i];
        }
        Map<String, int[]> centres = layOut(authorities, random);
        Set<String> usedPostcodes = new HashSet<>();
        List<String> areaPool = postcodeAreaPool();
        List<LaArea> areas = new ArrayList<>();
        List<Postcode> terminated = new ArrayList<>();
        for (int i = 0; i < authorities.size(); i++) {
            LocalAuthority la = authorities.get(i);
            int[] centre = centres.get(la.code());
            double share = weights[i] / total;
            double radius = nominalRadius(la, share);
            int live = (int) Math.ceil(40 + 2.2 * share * NATIONAL_CHILDREN_IN_YEAR * scale);
            List<String> districts = la.isCounty() ? countyDistricts(la, random) : List.of(la.code());
            int[][] districtCentres = new int[districts.size()][];
            for (int d = 0; d < districts.size(); d++) {
                districtCentres[d] = scatter(random, centre[0], centre[1], radius * 0.45);
            }
            String area = areaPool.get(i);
            List<Postcode> postcodes = new ArrayList<>(live);
            int postcodeDistricts = Math.min(99, 1 + live / 2000); // two digits keep the postcode format
            for (int p = 0; p < live + live / 50 + 1; p++) {
                int[] point = scatter(random, centre[0], centre[1], radius * 0.45);
                String district = districts.get(nearest(districtCentres, point));
                String text = uniquePostcode(random, area, postcodeDistricts, usedPostcodes);
                Postcode postcode = new Postcode(text, point[0], point[1], district,
                        la.isCounty() ? la.code() : "E99999999", la.code(), Postcode.ENGLAND, la.regionCode(),
                        p >= live);
                (postcode.terminated() ? terminated : postcodes).add(postcode);
            }
            areas.add(new LaArea(la, centre[0], centre[1], radius, share, List.copyOf(postcodes)));
        }
        List<Postcode> outside = new ArrayList<>();
        int perCountry = (int) Math.ceil(30 + 400 * scale);
        addNonEnglish(outside, random, usedPostcodes, new String[] {"CF", "SA", "LL", "NP"}, "W06", "W99999999",
                Postcode.WALES, 275_000, 270_000, perCountry);
        addNonEnglish(outside, random, usedPostcodes, new String[] {"EH", "KY", "DD", "PA"}, "S12", "S99999999",
                Postcode.SCOTLAND, 300_000, 700_000, perCountry);
        return new SyntheticGeography(areas, adjacencyOf(areas), outside, terminated);
    }

    public List<LaArea> areas() {
        return areas;
    }

    public LaArea area(String laCode) {
        LaArea area = areasByCode.get(laCode);
        if (area == null) {
            throw new IllegalArgumentException("no LA " + laCode + " in this year's geography");
        }
        return area;
    }

    /** LAs sharing a boundary with {@code laCode}, in code order. */
    public SortedSet<String> adjacent(String laCode) {
        return adjacency.getOrDefault(laCode, Collections.emptySortedSet());
    }

    /** Every adjacent pair, both ways round, in code order. */
    public Map<String, SortedSet<String>> adjacency() {
        return adjacency;
    }

    /** Welsh and Scottish postcodes (placements outside England). */
    public List<Postcode> outsideEngland() {
        return outsideEngland;
    }

    /** Terminated English postcodes: in ONSPD, never used by a return. */
    public List<Postcode> terminated() {
        return terminated;
    }

    /** The live postcode written as {@code text} (ONSPD {@code pcds}); {@code null} if there is none. */
    public Postcode postcode(String text) {
        return postcodesByText.get(text);
    }

    public Postcode randomPostcode(String laCode, SplittableRandom random) {
        List<Postcode> postcodes = area(laCode).postcodes();
        return postcodes.get(random.nextInt(postcodes.size()));
    }

    /** The nearest to ({@code easting}, {@code northing}) of {@code candidates} random postcodes of the LA. */
    public Postcode nearbyPostcode(String laCode, int easting, int northing, int candidates, SplittableRandom random) {
        Postcode best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < candidates; i++) {
            Postcode candidate = randomPostcode(laCode, random);
            double d = Math.hypot(candidate.easting() - easting, candidate.northing() - northing);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * Relative number of children looked after: counties and big cities several times a small unitary; City of
     * London and the Isles of Scilly tiny. Published 2024 figures guided the named LAs.
     */
    static double relativeSize(LocalAuthority la) {
        return switch (la.name()) {
            case "Isles of Scilly" -> 0.005;
            case "City of London" -> 0.02;
            case "Rutland" -> 0.09;
            case "Windsor and Maidenhead", "Wokingham", "Bracknell Forest", "Richmond upon Thames",
                 "Kingston upon Thames" -> 0.25;
            case "Kent" -> 4.4;
            case "Lancashire" -> 3.8;
            case "Birmingham" -> 3.6;
            case "Hampshire" -> 3.0;
            case "Manchester", "Leeds", "Essex" -> 2.4;
            case "Liverpool", "Derbyshire", "Norfolk", "Staffordshire", "Nottinghamshire", "Devon" -> 2.0;
            case "Bradford", "County Durham", "Surrey", "Hertfordshire", "Lincolnshire", "Northamptonshire" -> 1.8;
            case "Cornwall", "Wiltshire", "Sunderland", "Wakefield", "Doncaster", "Cumbria", "North Yorkshire" -> 1.1;
            default -> switch (la.typeCode()) {
                case "E10" -> 1.6;
                case "E08" -> 1.05;
                case "E09" -> 0.55;
                default -> 0.6;
            };
        };
    }

    private static double nominalRadius(LocalAuthority la, double share) {
        return switch (la.typeCode()) {
            case "E09" -> 4_000;
            case "E08" -> 7_500;
            case "E10" -> 26_000;
            default -> share > 0.009 ? 20_000 : 10_000; // big rural unitaries (Cornwall, Durham, Wiltshire) are county-sized
        };
    }

    /** Centres by rejection sampling in the region's disc, keeping LAs' areas apart; crowded regions relax the gap. */
    private static Map<String, int[]> layOut(List<LocalAuthority> authorities, SplittableRandom random) {
        Map<String, int[]> centres = new TreeMap<>();
        Map<String, List<LocalAuthority>> byRegion = new TreeMap<>();
        for (LocalAuthority la : authorities) {
            byRegion.computeIfAbsent(la.regionCode(), r -> new ArrayList<>()).add(la);
        }
        for (var region : byRegion.entrySet()) {
            int[] disc = REGION_CENTRES.get(region.getKey());
            List<LocalAuthority> las = new ArrayList<>(region.getValue());
            las.sort((a, b) -> Double.compare(nominalRadius(b, 0), nominalRadius(a, 0))); // biggest first
            List<double[]> placed = new ArrayList<>(); // x, y, radius
            for (LocalAuthority la : las) {
                double r = nominalRadius(la, 0);
                double gap = 0.85;
                int[] centre = null;
                for (int attempt = 0; centre == null; attempt++) {
                    if (attempt > 0 && attempt % 300 == 0) {
                        gap *= 0.9;
                    }
                    double angle = random.nextDouble() * 2 * Math.PI;
                    double dist = Math.sqrt(random.nextDouble()) * Math.max(disc[2] - r * 0.5, 1);
                    double x = disc[0] + dist * Math.cos(angle);
                    double y = disc[1] + dist * Math.sin(angle);
                    boolean clear = true;
                    for (double[] other : placed) {
                        if (Math.hypot(x - other[0], y - other[1]) < gap * (r + other[2])) {
                            clear = false;
                            break;
                        }
                    }
                    if (clear) {
                        centre = new int[] {(int) x, (int) y};
                        placed.add(new double[] {x, y, r});
                    }
                }
                centres.put(la.code(), centre);
            }
        }
        return centres;
    }

    /** LAs whose areas touch (centres closer than 1.3 times the sum of radii), plus each LA's two nearest. */
    private static Map<String, SortedSet<String>> adjacencyOf(List<LaArea> areas) {
        Map<String, SortedSet<String>> adjacency = new TreeMap<>();
        for (LaArea a : areas) {
            adjacency.put(a.code(), new TreeSet<>());
        }
        for (LaArea a : areas) {
            List<LaArea> others = new ArrayList<>(areas);
            others.remove(a);
            others.sort((x, y) -> Double.compare(a.distanceTo(x), a.distanceTo(y)));
            for (int i = 0; i < others.size(); i++) {
                LaArea b = others.get(i);
                if (i < 2 || a.distanceTo(b) <= 1.3 * (a.radius() + b.radius())) {
                    adjacency.get(a.code()).add(b.code());
                    adjacency.get(b.code()).add(a.code());
                }
            }
        }
        return adjacency;
    }

    /** Synthetic, clearly non-real E07 codes: E079 + the county's last three digits + district number. */
    private static List<String> countyDistricts(LocalAuthority county, SplittableRandom random) {
        int count = 4 + random.nextInt(5);
        String countyNumber = county.code().substring(6);
        List<String> districts = new ArrayList<>();
        for (int d = 1; d <= count; d++) {
            districts.add("E079" + countyNumber + String.format("%02d", d));
        }
        return districts;
    }

    private static List<String> postcodeAreaPool() {
        List<String> pool = new ArrayList<>();
        for (char first : AREA_FIRST_LETTERS.toCharArray()) {
            for (char second : AREA_SECOND_LETTERS.toCharArray()) {
                String area = "" + first + second;
                if (!NON_ENGLISH_AREAS.contains(area)) {
                    pool.add(area);
                }
            }
        }
        return pool;
    }

    private static String uniquePostcode(SplittableRandom random, String area, int districts, Set<String> used) {
        while (true) {
            String text = area + (1 + random.nextInt(districts)) + ' ' + random.nextInt(10)
                    + ENGLISH_UNIT_LETTERS.charAt(random.nextInt(20)) + ENGLISH_UNIT_LETTERS.charAt(random.nextInt(20));
            if (used.add(text)) {
                return text;
            }
        }
    }

    private static void addNonEnglish(List<Postcode> out, SplittableRandom random, Set<String> used, String[] areas,
                                      String districtPrefix, String pseudo, String country, int e, int n, int count) {
        for (int i = 0; i < count; i++) {
            int[] point = scatter(random, e, n, 40_000);
            String district = districtPrefix + String.format("%06d", 1 + random.nextInt(22));
            String text = uniquePostcode(random, areas[random.nextInt(areas.length)], 20, used);
            out.add(new Postcode(text, point[0], point[1], district, pseudo, null, country, pseudo, false));
        }
    }

    private static int[] scatter(SplittableRandom random, int e, int n, double sigma) {
        return new int[] {
                (int) Math.round(e + sigma * Draw.gaussian(random)), (int) Math.round(n + sigma * Draw.gaussian(random))};
    }

    private static int nearest(int[][] centres, int[] point) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < centres.length; i++) {
            double d = Math.hypot(centres[i][0] - point[0], centres[i][1] - point[1]);
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }
}

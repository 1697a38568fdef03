package uk.gov.childrenshomes.generator.oversight;

import uk.gov.childrenshomes.generator.CollectionYear;
import uk.gov.childrenshomes.generator.Draw;
import uk.gov.childrenshomes.generator.ssda903.ChildRecord;
import uk.gov.childrenshomes.generator.ssda903.Episode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Derives one LA's oversight return from its episodes: every placement started in the year outside the LA (the
 * scope of docs/returns/out-of-area-oversight.md), with approvals and notifications that mostly, but not always,
 * follow the 2014 rules: DCS approval for placements at a distance, notice to the host before placing (within
 * 5 working days in an emergency), homes' admission and discharge notices.
 */
public final class OversightGenerator {

    private static final Set<String> OUT_OF_SCOPE_PLACES = Set.of("P1", "P2", "A3", "A4", "A5", "A6");

    private final CollectionYear year;
    private final String laCode;
    private final Set<String> adjacentLas;
    private final SplittableRandom random;

    public OversightGenerator(CollectionYear year, String laCode, Set<String> adjacentLas, SplittableRandom random) {
        this.year = year;
        this.laCode = laCode;
        this.adjacentLas = adjacentLas;
        this.random = random;
    }

    public List<OversightPlacement> generate(List<ChildRecord> children) {
        List<OversightPlacement> rows = new ArrayList<>();
        for (ChildRecord child : children) {
            List<Episode> episodes = child.episodes();
            for (int i = 0; i < episodes.size(); i++) {
                Episode e = episodes.get(i);
                if (inScope(e)) {
                    rows.add(oversight(e, placementEnd(episodes, i)));
                }
            }
        }
        return rows;
    }

    /** Placements started in the year, outside the LA, with a known postcode, not short breaks, parents or adoption. */
    public boolean inScope(Episode e) {
        return year.contains(e.decom()) && e.startsPlacement() && !e.shortBreak()
                && !OUT_OF_SCOPE_PLACES.contains(e.place()) && !e.placementArea().equals(laCode)
                && e.placementPostcode() != null;
    }

    /** The placement lasts through following episodes that change only the legal status (RNE L). */
    private static LocalDate placementEnd(List<Episode> episodes, int start) {
        int last = start;
        while (last + 1 < episodes.size() && episodes.get(last + 1).rne().equals("L")) {
            last++;
        }
        return episodes.get(last).dec();
    }

    private OversightPlacement oversight(Episode e, LocalDate placementEnd) {
        boolean atDistance = !adjacentLas.contains(e.placementArea());
        boolean emergency = Draw.chance(random, 0.25);
        String approvedBy = Draw.chance(random, 0.05) ? null
                : atDistance ? (Draw.chance(random, 0.82) ? "DCS" : "NOM")
                : (Draw.chance(random, 0.88) ? "NOM" : "DCS");
        LocalDate approval = approvedBy == null ? null
                : emergency ? e.decom().plusDays(random.nextInt(8)) : e.decom().minusDays(random.nextInt(22));
        boolean notified = Draw.chance(random, 0.88);
        LocalDate notifiedOn = !notified ? null
                : emergency ? e.decom().plusDays(random.nextInt(11))
                : Draw.chance(random, 0.8) ? e.decom().minusDays(random.nextInt(15)) : e.decom().plusDays(1 + random.nextInt(20));
        boolean home = e.place().equals("K1") || e.place().equals("K2");
        LocalDate admission = home && Draw.chance(random, 0.8) ? e.decom().plusDays(random.nextInt(6)) : null;
        LocalDate discharge = home && placementEnd != null && Draw.chance(random, 0.75)
                ? placementEnd.plusDays(random.nextInt(6)) : null;
        return new OversightPlacement(e.child(), e.decom(), e.place(), e.urn(), e.placementArea(), approvedBy, approval,
                emergency ? "Y" : "N", notified ? "Y" : "N", notifiedOn, admission, discharge);
    }
}

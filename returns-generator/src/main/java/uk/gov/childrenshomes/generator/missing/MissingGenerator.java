package uk.gov.childrenshomes.generator.missing;

import uk.gov.childrenshomes.generator.ChildIds;
import uk.gov.childrenshomes.generator.CollectionYear;
import uk.gov.childrenshomes.generator.Draw;
import uk.gov.childrenshomes.generator.ssda903.ChildRecord;
import uk.gov.childrenshomes.generator.ssda903.Episode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates one LA's missing incidents for a year: from care (~11% of looked-after children, with heavy-tailed
 * repeats: ~85,000 incidents nationally) and from home (2.5 times as many), and what happened about each return
 * interview under the LA's {@link ReturnInterviewPolicy}.
 */
public final class MissingGenerator {

    /** Missing-from-care incidents per child looked after in the year, nationally (86,900 / 110,000 in 2025). */
    public static final double CARE_INCIDENTS_PER_CHILD = 0.78;
    /**
     * Missing-from-home incidents per missing-from-care incident. Really several times more (police record hundreds
     * of thousands a year); 2.5 keeps home the larger part of every table while keeping scale 1 fast to generate
     * and ingest.
     */
    public static final double HOME_TO_CARE_RATIO = 2.5;

    private static final Draw.Table CARE_REPEATS = Draw.zipf(1.6, 150);
    private static final Draw.Table HOME_REPEATS = Draw.zipf(2.2, 60);
    /** Hour of day an incident starts: most in the evening. */
    private static final double[] START_HOUR_WEIGHTS = {3, 2, 1.5, 1, 1, 1, 1, 1.5, 2, 3, 3, 3, 3.5, 4, 4.5, 5, 6, 7,
            8, 8.5, 8.5, 8, 6, 4};
    private static final String[] OTHER_PROVIDERS = {"IND", "LAT", "SWK", "OTH"};

    private final CollectionYear year;
    private final String laCode;
    private final ReturnInterviewPolicy policy;
    private final SplittableRandom random;

    public MissingGenerator(CollectionYear year, String laCode, ReturnInterviewPolicy policy, SplittableRandom random) {
        this.year = year;
        this.laCode = laCode;
        this.policy = policy;
        this.random = random;
    }

    /**
     * Incidents of {@code children} (care) and of {@code homeIncidentTarget} incidents' worth of children missing
     * from home, sorted by start and numbered in that order.
     */
    public List<MissingIncident> generate(List<ChildRecord> children, int homeIncidentTarget) {
        List<MissingIncident> incidents = new ArrayList<>();
        for (ChildRecord child : children) {
            if (child.episodes().isEmpty() || child.onlyShortBreaks() || !Draw.chance(random, missingProbability(child))) {
                continue;
            }
            addCareIncidents(incidents, child);
        }
        ChildIds homeIds = new ChildIds("H", random);
        int homeIncidents = 0;
        while (homeIncidents < homeIncidentTarget) {
            homeIncidents += addHomeIncidents(incidents, homeIds.next());
        }
        incidents.sort(Comparator.comparing(MissingIncident::start).thenComparing(MissingIncident::child));
        List<MissingIncident> numbered = new ArrayList<>(incidents.size());
        for (int i = 0; i < incidents.size(); i++) {
            MissingIncident m = incidents.get(i);
            numbered.add(new MissingIncident(String.format("%s-M%06d", laCode, i + 1), m.child(), m.dob(), m.missingFrom(),
                    m.missingType(), m.start(), m.end(), m.placedOutOfArea(), m.placingLa(), m.hostLa(), m.rhiOffered(),
                    m.rhiOfferedDate(), m.rhiAccepted(), m.rhiCompleted(), m.rhiConductedBy()));
        }
        return numbered;
    }

    /** Teenagers, children in children's homes and unaccompanied children go missing far more often. */
    private double missingProbability(ChildRecord child) {
        long age = ChronoUnit.YEARS.between(child.header().dob(), year.end());
        double p = age < 10 ? 0.0085 : age < 13 ? 0.072 : age < 16 ? 0.225 : 0.205;
        boolean inChildrensHome = child.episodes().stream().anyMatch(e -> e.place().equals("K2"));
        return Math.min(0.9, p * (inChildrensHome ? 1.9 : 1));
    }

    private void addCareIncidents(List<MissingIncident> out, ChildRecord child) {
        List<Episode> episodes = child.episodes();
        LocalDate from = episodes.get(0).decom().isAfter(year.start()) ? episodes.get(0).decom() : year.start();
        Episode last = episodes.get(episodes.size() - 1);
        LocalDate until = last.dec() != null ? last.dec() : year.end().plusDays(1);
        List<LocalDateTime[]> spells = spells(from, until, CARE_REPEATS.sample(random) + 1, last.dec() == null);
        for (LocalDateTime[] spell : spells) {
            Episode placement = episodeOn(episodes, spell[0].toLocalDate());
            boolean outOfArea = !placement.placementArea().equals(laCode);
            String type = Draw.chance(random, 0.3) ? "A" : "M";
            out.add(withInterview(new MissingIncident(null, child.child(), child.header().dob(), MissingIncident.CARE,
                    type, spell[0], spell[1], outOfArea ? "Y" : "N", laCode, placement.placementArea(),
                    null, null, null, null, null)));
        }
    }

    private int addHomeIncidents(List<MissingIncident> out, String child) {
        int ageAtStart = 10 + Draw.weighted(random, new double[] {1, 1.5, 2.5, 3.5, 4.5, 5, 5, 4});
        LocalDate dob = year.start().minusYears(ageAtStart).minusDays(1 + random.nextInt(365));
        LocalDate until = year.end().plusDays(1);
        LocalDate eighteenth = dob.plusYears(18);
        List<LocalDateTime[]> spells = spells(year.start(), eighteenth.isBefore(until) ? eighteenth : until,
                HOME_REPEATS.sample(random) + 1, !eighteenth.isBefore(until));
        for (LocalDateTime[] spell : spells) {
            out.add(withInterview(new MissingIncident(null, child, dob, MissingIncident.HOME, "M", spell[0], spell[1],
                    null, null, null, null, null, null, null, null)));
        }
        return Math.max(1, spells.size());
    }

    /**
     * Up to {@code count} non-overlapping spells starting in [from, until); each starts on a later day than the
     * previous one ended (so SSDA903's date-only missing table has no overlap or duplicate start either). The last
     * may still be open (blank end) when {@code mayStayOpen}.
     */
    private List<LocalDateTime[]> spells(LocalDate from, LocalDate until, int count, boolean mayStayOpen) {
        long days = ChronoUnit.DAYS.between(from, until);
        List<LocalDateTime[]> spells = new ArrayList<>();
        if (days < 1) {
            return spells;
        }
        long[] startDays = new long[count];
        for (int i = 0; i < count; i++) {
            startDays[i] = random.nextLong(days);
        }
        Arrays.sort(startDays);
        LocalDate earliestNext = from;
        for (long offset : startDays) {
            LocalDate day = from.plusDays(offset);
            if (day.isBefore(earliestNext) || !year.contains(day)) {
                continue;
            }
            LocalDateTime start = day.atStartOfDay().plusHours(Draw.weighted(random, START_HOUR_WEIGHTS))
                    .plusMinutes(random.nextInt(60));
            long minutes = (long) Math.min(30 * 24 * 60, Math.max(30, Draw.logNormal(random, 600, 1.3)));
            LocalDateTime end = start.plusMinutes(minutes);
            if (!end.toLocalDate().isBefore(until) && !mayStayOpen) {
                continue;
            }
            spells.add(new LocalDateTime[] {start, end});
            earliestNext = end.toLocalDate().plusDays(1);
        }
        if (mayStayOpen && !spells.isEmpty() && Draw.chance(random, 0.004)) {
            spells.get(spells.size() - 1)[1] = null; // still missing when the return was extracted
        }
        return spells;
    }

    private static Episode episodeOn(List<Episode> episodes, LocalDate day) {
        for (int i = episodes.size() - 1; i >= 0; i--) {
            if (!episodes.get(i).decom().isAfter(day)) {
                return episodes.get(i);
            }
        }
        return episodes.get(0);
    }

    private MissingIncident withInterview(MissingIncident m) {
        if (m.end() == null) {
            return m;
        }
        double offerRate = m.fromCare() ? policy.careOfferRate() : policy.homeOfferRate();
        if (!Draw.chance(random, offerRate)) {
            return copy(m, "N", null, null, null, null);
        }
        LocalDate offered = m.end().toLocalDate().plusDays(Draw.weighted(random, new double[] {60, 30, 6, 4}));
        if (Draw.chance(random, 0.02)) {
            return copy(m, "Y", offered, null, null, null); // answer not yet recorded
        }
        if (!Draw.chance(random, policy.acceptRate())) {
            return copy(m, "Y", offered, "N", null, null);
        }
        if (!Draw.chance(random, policy.completeRate())) {
            return copy(m, "Y", offered, "Y", null, null);
        }
        long delayMinutes = Draw.chance(random, policy.within72HoursRate())
                ? 120 + random.nextInt(70 * 60)
                : 72 * 60 + 60 + random.nextInt(14 * 24 * 60);
        LocalDateTime completed = m.end().plusMinutes(delayMinutes);
        if (completed.toLocalDate().isBefore(offered)) {
            offered = completed.toLocalDate();
        }
        String by = Draw.chance(random, 0.8) ? policy.mainProvider() : OTHER_PROVIDERS[random.nextInt(OTHER_PROVIDERS.length)];
        return copy(m, "Y", offered, "Y", completed, by);
    }

    private static MissingIncident copy(MissingIncident m, String offered, LocalDate offeredDate, String accepted,
                                        LocalDateTime completed, String by) {
        return new MissingIncident(m.incidentId(), m.child(), m.dob(), m.missingFrom(), m.missingType(), m.start(),
                m.end(), m.placedOutOfArea(), m.placingLa(), m.hostLa(), offered, offeredDate, accepted, completed, by);
    }
}

package uk.gov.childrenshomes.generator;

import uk.gov.childrenshomes.generator.faults.FaultInjector;
import uk.gov.childrenshomes.generator.faults.FaultInjector.FaultableFile;
import uk.gov.childrenshomes.generator.faults.InjectedFault;
import uk.gov.childrenshomes.generator.geography.LaArea;
import uk.gov.childrenshomes.generator.geography.LocalAuthority;
import uk.gov.childrenshomes.generator.geography.Postcode;
import uk.gov.childrenshomes.generator.geography.SyntheticGeography;
import uk.gov.childrenshomes.generator.missing.MissingGenerator;
import uk.gov.childrenshomes.generator.missing.MissingIncident;
import uk.gov.childrenshomes.generator.missing.ReturnInterviewPolicy;
import uk.gov.childrenshomes.generator.ofsted.HomesRegister;
import uk.gov.childrenshomes.generator.output.CsvTable;
import uk.gov.childrenshomes.generator.output.XlsxTable;
import uk.gov.childrenshomes.generator.oversight.OversightGenerator;
import uk.gov.childrenshomes.generator.oversight.OversightPlacement;
import uk.gov.childrenshomes.generator.ssda903.CareGenerator;
import uk.gov.childrenshomes.generator.ssda903.ChildRecord;
import uk.gov.childrenshomes.generator.ssda903.Episode;
import uk.gov.childrenshomes.generator.ssda903.ExpSsda903Writer;
import uk.gov.childrenshomes.generator.ssda903.Ssda903Row;
import uk.gov.childrenshomes.generator.ssda903.Ssda903Table;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import static uk.gov.childrenshomes.generator.output.DateText.date;

/**
 * Generates one LA's year and writes its inbox folder: {@code ssda903/} (the CSV set, or for about one LA in ten the
 * EXPSSDA903 XML export), {@code missing/} (CSV, or XLSX for about one LA in five) and {@code oversight/} (CSV).
 * Every random draw comes from streams named after the LA, so an LA's files do not depend on which other LAs are
 * written. Faults go into the CSV and XLSX files only: the XML export is always written clean.
 */
final class LaInboxWriter {

    static final double XML_EXPORT_SHARE = 0.1;
    static final double XLSX_MISSING_SHARE = 0.2;

    /** The counts each LA reports in generation.json, in the order they are listed. */
    static final List<String> COUNT_NAMES = List.of("children_looked_after_in_year", "care_leavers_oc3_only",
            "episodes", "looked_after_31_march", "placed_inside_boundary", "placed_outside_boundary",
            "locality_not_known", "within_20_miles", "over_20_miles", "distance_not_known",
            "in_childrens_homes_31_march", "in_childrens_homes_out_of_area_31_march", "missing_from_care_incidents",
            "missing_from_home_incidents", "rhi_offered", "rhi_completed", "rhi_completed_within_72_hours",
            "oversight_placements", "faults_injected");

    private final GenerationRequest request;
    private final SyntheticGeography geography;
    private final HomesRegister homes;
    private final RandomStreams streams;
    private final FaultInjector faultInjector;

    LaInboxWriter(GenerationRequest request, SyntheticGeography geography, HomesRegister homes, RandomStreams streams) {
        this.request = request;
        this.geography = geography;
        this.homes = homes;
        this.streams = streams;
        this.faultInjector = new FaultInjector(request.faultRate(), request.year());
    }

    /** Children looked after during the year in an LA with {@code sizeShare} of England's, at {@code scale}. */
    static int childrenLookedAfter(double sizeShare, double scale) {
        return Math.max(1, (int) Math.round(sizeShare * SyntheticGeography.NATIONAL_CHILDREN_IN_YEAR * scale));
    }

    LaReport write(LocalAuthority la) {
        String code = la.code();
        CollectionYear year = request.year();
        LaArea area = geography.area(code);
        int lookedAfter = childrenLookedAfter(area.sizeShare(), request.scale());
        List<ChildRecord> children = new CareGenerator(year, area, geography, homes, streams.stream(code + "/care"))
                .generate(lookedAfter);
        ReturnInterviewPolicy policy = ReturnInterviewPolicy.draw(streams.stream(code + "/rhi-policy"));
        int homeIncidentTarget = (int) Math.round(
                lookedAfter * MissingGenerator.CARE_INCIDENTS_PER_CHILD * MissingGenerator.HOME_TO_CARE_RATIO);
        List<MissingIncident> incidents = new MissingGenerator(year, code, policy, streams.stream(code + "/missing"))
                .generate(children, homeIncidentTarget);
        List<OversightPlacement> placements = new OversightGenerator(year, code, geography.adjacent(code),
                streams.stream(code + "/oversight")).generate(children);

        SplittableRandom formats = streams.stream(code + "/formats");
        boolean xmlExport = Draw.chance(formats, XML_EXPORT_SHARE);
        boolean xlsxMissing = Draw.chance(formats, XLSX_MISSING_SHARE);

        Path folder = request.out().resolve(code);
        Map<String, Long> fileRows = new LinkedHashMap<>();
        List<InjectedFault> faults = new ArrayList<>();
        SplittableRandom faultRandom = streams.stream(code + "/faults");
        Map<String, List<Ssda903Row>> missingByChild = ssda903Missing(incidents);
        if (xmlExport) {
            String name = code + "_ssda903_" + year.year() + ".xml";
            ExpSsda903Writer.write(folder.resolve("ssda903").resolve(name), children, missingByChild);
            fileRows.put("ssda903/" + name, (long) children.size());
        } else {
            writeSsda903Csv(folder.resolve("ssda903"), code, children, missingByChild, placements, fileRows, faults,
                    faultRandom);
        }
        writeMissing(folder.resolve("missing"), code, incidents, xlsxMissing, fileRows, faults, faultRandom);
        writeOversight(folder.resolve("oversight"), code, placements, fileRows, faults, faultRandom);

        Counts counts = count(code, children, incidents, placements);
        counts.add("faults_injected", faults.size());
        return new LaReport(la, xmlExport ? "xml" : "csv", xlsxMissing ? "xlsx" : "csv", policy, fileRows, counts,
                faults);
    }

    /** The SSDA903 missing table: each care incident by date, a child's rows together in start order. */
    private static Map<String, List<Ssda903Row>> ssda903Missing(List<MissingIncident> incidents) {
        Map<String, List<Ssda903Row>> byChild = new LinkedHashMap<>();
        incidents.stream().filter(MissingIncident::fromCare)
                .sorted(Comparator.comparing(MissingIncident::child).thenComparing(MissingIncident::start))
                .forEach(m -> byChild.computeIfAbsent(m.child(), c -> new ArrayList<>()).add(new Ssda903Row(
                        Ssda903Table.MISSING, m.child(), date(m.dob()), m.missingType(), date(m.start().toLocalDate()),
                        m.end() == null ? "" : date(m.end().toLocalDate()))));
        return byChild;
    }

    private void writeSsda903Csv(Path folder, String code, List<ChildRecord> children,
                                 Map<String, List<Ssda903Row>> missingByChild, List<OversightPlacement> placements,
                                 Map<String, Long> fileRows, List<InjectedFault> faults, SplittableRandom faultRandom) {
        Map<Ssda903Table, List<String[]>> rows = new EnumMap<>(Ssda903Table.class);
        for (Ssda903Table table : Ssda903Table.values()) {
            rows.put(table, new ArrayList<>());
        }
        Set<String> childrenWithEpisodes = new HashSet<>();
        for (ChildRecord child : children) {
            rows.get(Ssda903Table.HEADER).add(child.header().toRow().fields());
            for (Episode episode : child.episodes()) {
                rows.get(Ssda903Table.EPISODES).add(episode.toRow().fields());
                childrenWithEpisodes.add(child.child());
            }
            for (Ssda903Row missing : missingByChild.getOrDefault(child.child(), List.of())) {
                rows.get(Ssda903Table.MISSING).add(missing.fields());
            }
            for (Ssda903Row detail : child.details()) {
                rows.get(detail.table()).add(detail.fields());
            }
        }
        // A fault that gets a row rejected must not set rules off on other rows: a child's header row is faulted
        // only if they have no episodes (else every episode would lack its header), and episodes only of children
        // whose missing periods and oversight rows do not hang on them.
        Set<String> linkedToEpisodes = new HashSet<>(missingByChild.keySet());
        placements.forEach(p -> linkedToEpisodes.add(p.child()));
        Map<Ssda903Table, FaultableFile> faultable = Map.of(
                Ssda903Table.HEADER, FaultableFile.SSDA903_HEADER,
                Ssda903Table.EPISODES, FaultableFile.SSDA903_EPISODES,
                Ssda903Table.MISSING, FaultableFile.SSDA903_MISSING);
        Map<Ssda903Table, Predicate<String[]>> eligible = Map.of(
                Ssda903Table.HEADER, row -> !childrenWithEpisodes.contains(row[0]),
                Ssda903Table.EPISODES, row -> !linkedToEpisodes.contains(row[0]),
                Ssda903Table.MISSING, row -> true);
        for (Ssda903Table table : Ssda903Table.values()) {
            if (table == Ssda903Table.SW_EPISODES && !request.year().hasSocialWorkerEpisodes()) {
                continue;
            }
            List<String[]> tableRows = rows.get(table);
            if (faultable.containsKey(table)) {
                tableRows = faultInjector.inject(faultable.get(table), code, "ssda903", table.fileName(),
                        table.columns(), tableRows, eligible.get(table), faultRandom, faults);
            }
            fileRows.put("ssda903/" + table.fileName(), writeCsv(folder.resolve(table.fileName()), table.columns(), tableRows));
        }
    }

    private void writeMissing(Path folder, String code, List<MissingIncident> incidents, boolean xlsx,
                              Map<String, Long> fileRows, List<InjectedFault> faults, SplittableRandom faultRandom) {
        String name = code + "_missing_" + request.year().year() + (xlsx ? ".xlsx" : ".csv");
        List<String[]> rows = faultInjector.inject(FaultableFile.MISSING_RETURN, code, "missing", name,
                MissingIncident.COLUMNS, incidents.stream().map(MissingIncident::fields).toList(), row -> true,
                faultRandom, faults);
        if (xlsx) {
            XlsxTable.write(folder.resolve(name), "Missing incidents", MissingIncident.COLUMNS, rows, request.year().end());
        } else {
            writeCsv(folder.resolve(name), MissingIncident.COLUMNS, rows);
        }
        fileRows.put("missing/" + name, (long) rows.size());
    }

    private void writeOversight(Path folder, String code, List<OversightPlacement> placements,
                                Map<String, Long> fileRows, List<InjectedFault> faults, SplittableRandom faultRandom) {
        String name = code + "_oversight_" + request.year().year() + ".csv";
        List<String[]> rows = faultInjector.inject(FaultableFile.OVERSIGHT_RETURN, code, "oversight", name,
                OversightPlacement.COLUMNS, placements.stream().map(OversightPlacement::fields).toList(), row -> true,
                faultRandom, faults);
        fileRows.put("oversight/" + name, writeCsv(folder.resolve(name), OversightPlacement.COLUMNS, rows));
    }

    private static long writeCsv(Path file, List<String> header, List<String[]> rows) {
        try (CsvTable table = new CsvTable(file, header)) {
            rows.forEach(table::write);
            return table.rows();
        }
    }

    /**
     * What the generated (fault-free) returns hold, counted as the data pack counts it, so a run can be checked
     * against the national orders of magnitude and an ingest against what was sent: children looked after at
     * 31 March without short breaks, where they live, how far from home, missing incidents and interviews.
     */
    private Counts count(String code, List<ChildRecord> children, List<MissingIncident> incidents,
                         List<OversightPlacement> placements) {
        Counts counts = new Counts(COUNT_NAMES);
        for (ChildRecord child : children) {
            if (child.episodes().isEmpty()) {
                counts.increment("care_leavers_oc3_only");
                continue;
            }
            counts.increment("children_looked_after_in_year");
            counts.add("episodes", child.episodes().size());
            Episode last = child.episodes().get(child.episodes().size() - 1);
            if (last.dec() != null || last.shortBreak()) {
                continue;
            }
            counts.increment("looked_after_31_march");
            boolean inHome = last.place().equals("K1") || last.place().equals("K2");
            boolean outside = !last.placementArea().equals(code);
            if (inHome) {
                counts.increment("in_childrens_homes_31_march");
                counts.add("in_childrens_homes_out_of_area_31_march", outside ? 1 : 0);
            }
            if (last.placementPostcode() == null) {
                counts.increment("locality_not_known");
            } else {
                counts.increment(outside ? "placed_outside_boundary" : "placed_inside_boundary");
            }
            Postcode home = last.homePostcode() == null ? null : geography.postcode(last.homePostcode());
            Postcode placement = last.placementPostcode() == null ? null : geography.postcode(last.placementPostcode());
            if (home == null || placement == null) {
                counts.increment("distance_not_known");
            } else {
                counts.increment(Math.round(home.milesTo(placement) * 10) <= 200 ? "within_20_miles" : "over_20_miles");
            }
        }
        for (MissingIncident m : incidents) {
            counts.increment(m.fromCare() ? "missing_from_care_incidents" : "missing_from_home_incidents");
            counts.add("rhi_offered", "Y".equals(m.rhiOffered()) ? 1 : 0);
            counts.add("rhi_completed", m.rhiCompleted() != null ? 1 : 0);
            counts.add("rhi_completed_within_72_hours", m.rhiCompleted() != null
                    && Duration.between(m.end(), m.rhiCompleted()).toMinutes() <= 72 * 60 ? 1 : 0);
        }
        counts.add("oversight_placements", placements.size());
        return counts;
    }
}

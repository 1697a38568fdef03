package uk.gov.childrenshomes.generator;

import uk.gov.childrenshomes.generator.faults.InjectedFault;
import uk.gov.childrenshomes.generator.geography.GeographyFiles;
import uk.gov.childrenshomes.generator.geography.LocalAuthority;
import uk.gov.childrenshomes.generator.geography.LocalAuthorityRegister;
import uk.gov.childrenshomes.generator.geography.SyntheticGeography;
import uk.gov.childrenshomes.generator.ofsted.ChildrensHome;
import uk.gov.childrenshomes.generator.ofsted.HomesRegister;
import uk.gov.childrenshomes.generator.ofsted.RegisterFile;
import uk.gov.childrenshomes.generator.output.CsvTable;
import uk.gov.childrenshomes.generator.output.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes one national year of returns into an inbox (docs/architecture.md, "The inbox"): a folder per LA operating
 * in the year, the national Ofsted register, ONSPD extract and LA adjacency list, and at the top {@code faults.csv}
 * (every injected fault) and {@code generation.json} (parameters and counts). The geography and the register are
 * built for every LA of the year whatever {@code --la} selects, and each LA draws from its own random streams, so
 * an LA's files are the same bytes whichever LAs are written alongside it. LAs are generated in parallel.
 */
public final class NationalGenerator {

    static final List<String> LA_RETURNS = List.of("ssda903", "missing", "oversight");
    static final List<String> NATIONAL_FOLDERS = List.of("ofsted", "onspd", "geography");

    private NationalGenerator() {
    }

    /** The LAs operating on 31 March of {@code year}, or an explanation of why {@code laCodes} asks for others. */
    public static List<LocalAuthority> selectedAuthorities(CollectionYear year, List<String> laCodes) {
        List<LocalAuthority> operating = LocalAuthorityRegister.operatingIn(year.year());
        if (operating.isEmpty()) {
            throw new IllegalArgumentException("no LA operates on 31 March " + year.year() + " in DfE's LA list");
        }
        if (laCodes.isEmpty()) {
            return operating;
        }
        Map<String, LocalAuthority> byCode = operating.stream()
                .collect(Collectors.toMap(LocalAuthority::code, la -> la));
        List<String> unknown = laCodes.stream().filter(code -> !byCode.containsKey(code)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("not an LA operating on 31 March " + year.year() + ": "
                    + String.join(", ", unknown) + " (LA codes change with reorganisations; see DfE's las.csv)");
        }
        return laCodes.stream().distinct().sorted().map(byCode::get).toList();
    }

    public static GenerationResult generate(GenerationRequest request) {
        CollectionYear year = request.year();
        List<LocalAuthority> operating = LocalAuthorityRegister.operatingIn(year.year());
        List<LocalAuthority> selected = selectedAuthorities(year, request.laCodes());
        RandomStreams streams = new RandomStreams(request.seed());
        SyntheticGeography geography = SyntheticGeography.build(operating, request.scale(), streams);
        HomesRegister homes = HomesRegister.build(geography, year.year(), request.scale(), streams);
        Path out = request.out();
        clearOwnFolders(out, selected);

        Map<String, Long> national = new LinkedHashMap<>();
        national.put("las_operating", (long) operating.size());
        national.put("las_written", (long) selected.size());
        Path ofsted = out.resolve("national").resolve("ofsted").resolve("ofsted_childrens_homes_" + year.year() + ".csv");
        national.put("ofsted_register_rows", RegisterFile.write(ofsted, homes, operating));
        List<ChildrensHome> openAtYearEnd = homes.homes().stream().filter(h -> h.openOn(year.end())).toList();
        national.put("childrens_homes_31_march", (long) openAtYearEnd.size());
        national.put("childrens_homes_places_31_march",
                openAtYearEnd.stream().mapToLong(ChildrensHome::places).sum());
        national.put("secure_childrens_homes_31_march", openAtYearEnd.stream().filter(ChildrensHome::secure).count());
        national.put("onspd_postcodes",
                GeographyFiles.writeOnspd(out.resolve("national").resolve("onspd").resolve("onspd.csv"), geography));
        national.put("la_adjacency_rows", GeographyFiles.writeAdjacency(
                out.resolve("national").resolve("geography").resolve("la_adjacency.csv"), geography));

        List<LaReport> reports = writeLas(request, selected, geography, homes, streams);
        Counts totals = new Counts(LaInboxWriter.COUNT_NAMES);
        reports.forEach(r -> totals.addAll(r.counts()));
        GenerationResult result = new GenerationResult(request, national, reports, totals);
        writeFaults(out.resolve("faults.csv"), reports);
        writeManifest(out.resolve("generation.json"), result);
        return result;
    }

    private static List<LaReport> writeLas(GenerationRequest request, List<LocalAuthority> selected,
                                           SyntheticGeography geography, HomesRegister homes, RandomStreams streams) {
        LaInboxWriter writer = new LaInboxWriter(request, geography, homes, streams);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            // Biggest first, so that a county is not the last task left running on one core.
            List<LocalAuthority> bySize = new ArrayList<>(selected);
            bySize.sort(Comparator.comparingDouble((LocalAuthority la) -> -geography.area(la.code()).sizeShare()));
            Map<String, Future<LaReport>> running = new LinkedHashMap<>();
            bySize.forEach(la -> running.put(la.code(), pool.submit(() -> writer.write(la))));
            List<LaReport> reports = new ArrayList<>();
            for (LocalAuthority la : selected) {
                reports.add(running.get(la.code()).get());
            }
            return reports;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Empties the folders this run writes (each selected LA's return folders, the national ones), so that no file of
     * an earlier run, say an LA's CSV set after this run chose its XML export, is left to be ingested. Nothing
     * else under {@code out} is touched.
     */
    private static void clearOwnFolders(Path out, List<LocalAuthority> selected) {
        List<Path> folders = new ArrayList<>();
        selected.forEach(la -> LA_RETURNS.forEach(r -> folders.add(out.resolve(la.code()).resolve(r))));
        NATIONAL_FOLDERS.forEach(f -> folders.add(out.resolve("national").resolve(f)));
        try {
            for (Path folder : folders) {
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> walk = Files.walk(folder)) {
                        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(path);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + out, e);
        }
    }

    private static void writeFaults(Path file, List<LaReport> reports) {
        try (CsvTable faults = new CsvTable(file, InjectedFault.COLUMNS)) {
            reports.forEach(r -> r.faults().forEach(f -> faults.write(f.fields())));
        }
    }

    private static void writeManifest(Path file, GenerationResult result) {
        GenerationRequest request = result.request();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("year", request.year().year());
        parameters.put("scale", request.scale());
        parameters.put("seed", request.seed());
        parameters.put("fault_rate", request.faultRate());
        parameters.put("la", request.laCodes());
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("generator", "returns-generator");
        manifest.put("parameters", parameters);
        manifest.put("collection_year", ordered("start", request.year().start().toString(),
                "end", request.year().end().toString()));
        manifest.put("national", result.national());
        manifest.put("totals", result.totals().asMap());
        List<Object> las = new ArrayList<>();
        for (LaReport report : result.las()) {
            Map<String, Object> la = new LinkedHashMap<>();
            la.put("la_code", report.authority().code());
            la.put("old_la_code", report.authority().oldCode());
            la.put("la_name", report.authority().name());
            la.put("formats", ordered("ssda903", report.ssda903Format(), "missing", report.missingFormat(),
                    "oversight", "csv"));
            la.put("offers_return_interviews_to_children_missing_from_home",
                    report.returnInterviews().offersToHomeChildren());
            la.put("files", report.fileRows());
            la.put("counts", report.counts().asMap());
            las.add(la);
        }
        manifest.put("las", las);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.write(manifest), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A JSON object of string members in the order given: key, value, key, value... */
    private static Map<String, Object> ordered(String... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}

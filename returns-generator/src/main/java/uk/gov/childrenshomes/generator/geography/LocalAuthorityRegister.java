package uk.gov.childrenshomes.generator.geography;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The LAs that send returns for a collection year, read from DfE's {@code las.csv} (the copy bundled with the
 * warehouse schema, kept identical here so the generator and the warehouse agree on the LA set).
 */
public final class LocalAuthorityRegister {

    private static final String LAS_CSV = "/reference/dfe-geography/las.csv";
    private static final DateTimeFormatter DFE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private LocalAuthorityRegister() {
    }

    /**
     * LAs operating on 31 March of {@code collectionYear}: began on or before that day and not terminated before it.
     * Combined reporting rows ("E06000061 / E06000062") and the overseas pseudo-LA ("z") are not LAs.
     */
    public static List<LocalAuthority> operatingIn(int collectionYear) {
        LocalDate yearEnd = LocalDate.of(collectionYear, 3, 31);
        List<LocalAuthority> operating = new ArrayList<>();
        for (CSVRecord row : readLasCsv()) {
            String code = row.get("new_la_code");
            if (!code.matches("E(06|08|09|10)\\d{6}")) {
                continue;
            }
            LocalDate from = LocalDate.parse(row.get("date_of_operation"), DFE_DATE);
            String to = row.get("date_of_termination");
            if (from.isAfter(yearEnd) || (!to.isBlank() && LocalDate.parse(to, DFE_DATE).isBefore(yearEnd))) {
                continue;
            }
            operating.add(new LocalAuthority(code, row.get("old_la_code"), row.get("la_name"),
                    row.get("entity_code"), row.get("parent_geography_code")));
        }
        operating.sort(Comparator.comparing(LocalAuthority::code));
        return List.copyOf(operating);
    }

    private static List<CSVRecord> readLasCsv() {
        try (InputStream in = LocalAuthorityRegister.class.getResourceAsStream(LAS_CSV);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LAS_CSV, e);
        }
    }
}

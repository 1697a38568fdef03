package uk.gov.childrenshomes.generator.ofsted;

import uk.gov.childrenshomes.generator.geography.LocalAuthority;
import uk.gov.childrenshomes.generator.output.CsvTable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static uk.gov.childrenshomes.generator.output.DateText.date;

/**
 * Writes the register in Ofsted's provider-level layout, with the column names of Ofsted's children's homes
 * workbook (samples/ssda903-fake-data/ch_fake.xlsx) where it has them; "Local Authority Code" and "Ofsted Region"
 * are added so the register joins on codes. Blank cells mean not closed / not yet inspected.
 */
public final class RegisterFile {

    public static final List<String> HEADER = List.of("URN", "Local Authority", "Local Authority Code", "Ofsted Region",
            "Provider Type", "Provider Subtype", "Sector", "Setting Name", "Registration Date", "Provider Status",
            "Closed Date", "Max Users", "Full Inspection Start Date", "Overall Effectiveness",
            "Setting Address Postcode");

    /** ONS region names, as Ofsted's files name the English regions. */
    public static final Map<String, String> REGION_NAMES = Map.of(
            "E12000001", "North East", "E12000002", "North West", "E12000003", "Yorkshire and The Humber",
            "E12000004", "East Midlands", "E12000005", "West Midlands", "E12000006", "East of England",
            "E12000007", "London", "E12000008", "South East", "E12000009", "South West");

    private RegisterFile() {
    }

    /** Writes every home of the register; returns the number of rows. */
    public static long write(Path file, HomesRegister register, List<LocalAuthority> authorities) {
        Map<String, LocalAuthority> byCode = authorities.stream()
                .collect(Collectors.toMap(LocalAuthority::code, Function.identity()));
        try (CsvTable table = new CsvTable(file, HEADER)) {
            for (ChildrensHome home : register.homes()) {
                LocalAuthority la = byCode.get(home.laCode());
                table.write(home.urn(), la.name(), la.code(), REGION_NAMES.get(la.regionCode()), "Children's Home",
                        home.secure() ? "Secure Children's Home" : "Children's Home", home.sector(),
                        "Setting " + home.urn(), date(home.registrationDate()),
                        home.closureDate() == null ? "Active" : "Closed", date(home.closureDate()),
                        String.valueOf(home.places()), date(home.inspectionDate()),
                        home.overallEffectiveness() == null ? "" : home.overallEffectiveness(),
                        home.postcode().text());
            }
            return table.rows();
        }
    }
}

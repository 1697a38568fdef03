package uk.gov.childrenshomes.generator.ofsted;

import uk.gov.childrenshomes.generator.geography.LocalAuthority;
import uk.gov.childrenshomes.generator.output.CsvTable;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static uk.gov.childrenshomes.generator.output.DateText.date;

/**
 * Writes the register in Ofsted's provider-level layout: every column of Ofsted's children's homes workbook
 * (samples/ssda903-fake-data/ch_fake.xlsx), in its order, so that the ingest reads generated and real registers
 * alike. The LA is named, not coded, as Ofsted does. Columns the generator has nothing for (inspection
 * sub-judgements, needs catered for, addresses, owners) are left blank; blank dates mean not closed / not yet
 * inspected.
 */
public final class RegisterFile {

    public static final List<String> HEADER = List.of("Local Authority", "URN", "Provider Type", "Provider Subtype",
            "Sector", "Setting Name", "Postcode Area", "Registration Date", "Provider Status", "Closed Date",
            "Provider Code", "Provider Placement Code", "Emotional and Behavioural Difficulties", "Mental Disorders",
            "Sensory Impairment", "Present Alcohol Problems", "Present Drug Problems", "Learning Difficulty",
            "Physical Disabilities", "Max Users", "Full Inspection Start Date", "Overall Effectiveness", "CYP Safety",
            "Leadership and Management", "CYP Outcomes", "Interim Inspection Start Date",
            "Interim Inspection Overall Effectiveness", "Assurance Visit Start Date", "Setting Address Line 1",
            "Setting Address Line 2", "Setting Address Town", "Setting Address County", "Setting Address Postcode",
            "Setting Telephone Number", "Setting Email Address", "Owner Type", "Owner ID", "Owner Name",
            "Owner Address Line 1", "Owner Address Line 2", "Owner Town", "Owner County", "Owner Postcode",
            "Multi Building CH");

    public static final String PROVIDER_TYPE = "Children's Home";
    public static final String SECURE_SUBTYPE = "Secure Unit";

    private RegisterFile() {
    }

    /** Writes every home of the register; returns the number of rows. */
    public static long write(Path file, HomesRegister register, List<LocalAuthority> authorities) {
        Map<String, LocalAuthority> byCode = authorities.stream()
                .collect(Collectors.toMap(LocalAuthority::code, Function.identity()));
        try (CsvTable table = new CsvTable(file, HEADER)) {
            for (ChildrensHome home : register.homes()) {
                String[] row = new String[HEADER.size()];
                Arrays.fill(row, "");
                String postcode = home.postcode().text();
                set(row, "Local Authority", byCode.get(home.laCode()).name());
                set(row, "URN", home.urn());
                set(row, "Provider Type", PROVIDER_TYPE);
                set(row, "Provider Subtype", home.secure() ? SECURE_SUBTYPE : PROVIDER_TYPE);
                set(row, "Sector", home.sector());
                set(row, "Setting Name", "Setting " + home.urn());
                set(row, "Postcode Area", postcode.substring(0, postcode.indexOf(' ')));
                set(row, "Registration Date", date(home.registrationDate()));
                set(row, "Provider Status", home.closureDate() == null ? "Active" : "Closed");
                set(row, "Closed Date", date(home.closureDate()));
                set(row, "Provider Placement Code", home.placeCode());
                set(row, "Max Users", String.valueOf(home.places()));
                set(row, "Full Inspection Start Date", date(home.inspectionDate()));
                set(row, "Overall Effectiveness", home.overallEffectiveness() == null ? "" : home.overallEffectiveness());
                set(row, "Setting Address Postcode", postcode);
                table.write(row);
            }
            return table.rows();
        }
    }

    private static void set(String[] row, String column, String value) {
        row[HEADER.indexOf(column)] = value;
    }
}

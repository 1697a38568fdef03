package uk.gov.childrenshomes.generator.faults;

import java.util.List;

/**
 * One injected fault, as a row of {@code faults.csv}.
 *
 * @param laCode        the LA whose file holds it
 * @param returnName    ssda903, missing or oversight
 * @param file          file name within the return's folder
 * @param rowNumber     data row number in that file (1 = first row after the header)
 * @param kind          what is wrong
 * @param field         the column that is wrong
 * @param expectedRule  the validation rule the ingest should report the row under
 */
public record InjectedFault(String laCode, String returnName, String file, long rowNumber, FaultKind kind, String field,
                            String expectedRule) {

    public static final List<String> COLUMNS =
            List.of("la_code", "return", "file", "row_number", "fault_kind", "field", "expected_rule");

    public String[] fields() {
        return new String[] {laCode, returnName, file, String.valueOf(rowNumber), kind.code(), field, expectedRule};
    }
}

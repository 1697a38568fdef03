package uk.gov.childrenshomes.jobs.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetSafeTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=SUM(A1:A9)|'=SUM(A1:A9)",
            "+44 1234|'+44 1234",
            "-2+3|'-2+3",
            "@cmd|'@cmd",
            "E06000001|E06000001",
            "DP020|DP020"})
    void aCellAStartingLikeAFormulaIsShownAsText(String value, String expected) {
        assertThat(SpreadsheetSafeText.of(value)).isEqualTo(expected);
    }
}

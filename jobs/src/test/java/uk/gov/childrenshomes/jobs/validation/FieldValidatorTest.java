package uk.gov.childrenshomes.jobs.validation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FieldValidatorTest {

    static ColumnSpecification column(ColumnType type, boolean required, boolean excelSerial) {
        return new ColumnSpecification("X", List.of(), "X", "x", type, required, Set.of("K1", "K2"), null, null, null, null,
                "R1", "R2", excelSerial, Set.of("-"));
    }

    @Test
    void datesAreStrictDdMmYyyyAndBecomeIso() {
        assertThat(FieldValidator.check(column(ColumnType.DATE, false, false), "29/02/2024").value()).isEqualTo("2024-02-29");
        assertThat(FieldValidator.check(column(ColumnType.DATE, false, false), "29/02/2023").valid()).isFalse();
        assertThat(FieldValidator.check(column(ColumnType.DATE, false, false), "2024-02-29").valid()).isFalse();
    }

    @Test
    void excelDayNumbersAreDatesOnlyWhereTheSpecificationSaysSo() {
        assertThat(FieldValidator.check(column(ColumnType.DATE, false, true), "45261").value()).isEqualTo("2023-12-01");
        assertThat(FieldValidator.check(column(ColumnType.DATE, false, false), "45261").valid()).isFalse();
    }

    @Test
    void aBlankMarkerIsBlankAndABlankRequiredValueRaisesTheRequiredRule() {
        assertThat(FieldValidator.check(column(ColumnType.DATE, false, true), "-").value()).isNull();
        assertThat(FieldValidator.check(column(ColumnType.DATE, false, true), "-").valid()).isTrue();
        assertThat(FieldValidator.check(column(ColumnType.CODE, true, false), null).blankButRequired()).isTrue();
    }

    @Test
    void codesAreCaseSensitiveAndPostcodesAreNormalised() {
        assertThat(FieldValidator.check(column(ColumnType.CODE, true, false), "k2").valid()).isFalse();
        assertThat(FieldValidator.check(column(ColumnType.POSTCODE, false, false), "ts11aa").value()).isEqualTo("TS1 1AA");
        assertThat(FieldValidator.check(column(ColumnType.POSTCODE, false, false), "EG19 7T").valid()).isFalse();
    }
}

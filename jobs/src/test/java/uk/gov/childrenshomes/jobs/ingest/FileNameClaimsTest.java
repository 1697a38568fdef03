package uk.gov.childrenshomes.jobs.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNameClaimsTest {

    @Test
    void aNameClaimingNothingOrTheRightLaAndYearPasses() {
        assertThat(FileNameClaims.check("episodes.csv", "E06000001", 2025)).isEmpty();
        assertThat(FileNameClaims.check("E06000001_missing_2025.csv", "E06000001", 2025)).isEmpty();
        assertThat(FileNameClaims.check("E06000001_ssda903_2024-25.xml", "E06000001", 2025)).isEmpty();
    }

    @Test
    void aNameClaimingAnotherLaOrYearIsAMismatchUnderItsRule() {
        assertThat(FileNameClaims.check("E06000002_missing_2025.csv", "E06000001", 2025))
                .extracting(FileNameClaims.Mismatch::rule).containsExactly("DP016");
        assertThat(FileNameClaims.check("E06000001_missing_2024.csv", "E06000001", 2025))
                .extracting(FileNameClaims.Mismatch::rule).containsExactly("DP017");
        assertThat(FileNameClaims.check("E10000020_oversight_2023_24.csv", "E10000020", 2025))
                .extracting(FileNameClaims.Mismatch::detail).containsExactly("the name says 2023_24, the collection year is 2025");
    }

    @Test
    void nationalReferenceFilesCarryReleaseDatesNotCollectionYears() {
        assertThat(FileNameClaims.check("ONSPD_NOV_2024_UK.csv", "E92000001", 2025)).isEmpty();
    }
}

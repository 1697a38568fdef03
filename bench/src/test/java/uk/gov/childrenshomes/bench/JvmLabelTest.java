package uk.gov.childrenshomes.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JvmLabelTest {

    @Test
    void namesAJvmByItsMainClassOrJarAndItsSubcommand() {
        assertEquals("WarehouseCli up", JvmLabel.of(List.of("java", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                "/r/warehouse-schema/target/lib/*", "uk.gov.childrenshomes.warehouse.WarehouseCli", "up", "--print-env")));
        assertEquals("datapack-jobs.jar ingest", JvmLabel.of(List.of("/usr/bin/java", "-Xmx2g", "-jar",
                "/r/jobs/target/datapack-jobs.jar", "ingest", "--inbox", "x")));
        assertEquals("PublishCli", JvmLabel.of(List.of("java", "--add-opens=java.base/java.lang=ALL-UNNAMED", "-cp", "lib/*",
                "uk.gov.childrenshomes.publish.PublishCli", "--year", "2025")));
        assertEquals("java -XshowSettings:properties -version", JvmLabel.of(List.of("java", "-XshowSettings:properties", "-version")));
    }
}

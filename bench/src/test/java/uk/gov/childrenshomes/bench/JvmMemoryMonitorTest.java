package uk.gov.childrenshomes.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JvmMemoryMonitorTest {

    @Test
    void tellsJavaFromAnyOtherCommandLineAProcessMayShow() {
        assertTrue(JvmMemoryMonitor.isJava(List.of("/usr/lib/jvm/java-17/bin/java", "-jar", "x.jar")));
        assertTrue(JvmMemoryMonitor.isJava(List.of("java", "-version")));
        assertFalse(JvmMemoryMonitor.isJava(List.of("/usr/bin/bash", "./datapack")));
        assertFalse(JvmMemoryMonitor.isJava(List.of("postgres: checkpointer ")));
        assertFalse(JvmMemoryMonitor.isJava(List.of("/")), "argv[0] of / has no file name: seen while a bench ran");
        assertFalse(JvmMemoryMonitor.isJava(List.of()));
    }
}

package uk.gov.childrenshomes.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class GcLogTest {

    private static final long MIB = 1L << 20;

    @Test
    void readsTheMaximumHeapAndTheLargestOccupancyBeforeACollectionOrAtExit() {
        GcLog log = GcLog.parse(List.of(
                "[0.004s][15831] Using G1",
                "[0.013s][15831] Heap Max Capacity: 2G",
                "[1.259s][15831] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 18M->4M(380M) 20.045ms",
                "[1.436s][15831] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 171M->69M(380M) 7.233ms",
                "[1.436s][15831] GC(2) Concurrent Undo Cycle",
                "[1.900s][15831] GC(3) Pause Full (System.gc()) 150M->60M(380M) 30.1ms",
                "[2.653s][15831] Heap",
                "[2.653s][15831]  garbage-first heap   total 389120K, used 106711K [0x00000000e0000000, 0x0000000100000000)",
                "[2.653s][15831]  Metaspace       used 9338K, committed 9600K, reserved 1114112K"));

        assertEquals(2048 * MIB, log.maxHeapBytes());
        assertEquals(171 * MIB, log.peakHeapUsedBytes());
    }

    @Test
    void theHeapAtExitCountsWhenItIsTheLargest() {
        GcLog log = GcLog.parse(List.of(
                "[0.01s][7] Heap Max Capacity: 512M",
                "[0.90s][7]  garbage-first heap   total 389120K, used 204800K [0x00000000e0000000, 0x0000000100000000)"));

        assertEquals(512 * MIB, log.maxHeapBytes());
        assertEquals(200 * MIB, log.peakHeapUsedBytes());
    }

    @Test
    void aJvmThatLoggedNothingHasNoFigures() {
        GcLog log = GcLog.parse(List.of());

        assertNull(log.maxHeapBytes());
        assertNull(log.peakHeapUsedBytes());
    }
}

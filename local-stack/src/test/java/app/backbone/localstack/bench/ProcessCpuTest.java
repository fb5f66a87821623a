package app.backbone.localstack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.backbone.localstack.bench.ProcessCpu.Reading;

class ProcessCpuTest {

    /** A line of proc(5)'s shape: utime 1234, stime 56, cutime 7, cstime 8; a command with spaces and parentheses. */
    private static final String STAT = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 52000 0 12 0 1234 56 7 8 20 0 "
            + "41 0 9000 3000000000 70000 18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0 17 1 0 0 0 0 0";

    @Test
    void ticksAreUserPlusSystemTimeCountedAfterTheCommandName() {
        assertEquals(1_290, ProcessCpu.ticks(STAT, false));
        assertEquals(1_305, ProcessCpu.ticks(STAT, true));
    }

    @Test
    void thisProcessCanBeRead() {
        long self = ProcessHandle.current().pid();
        ProcessCpu cpu = new ProcessCpu(Map.of("self", new ProcessCpu.Tracked(() -> self, false),
                "nobody", new ProcessCpu.Tracked(() -> -1, false)), ProcessCpu.ticksPerSecond());
        Map<String, Reading> read = cpu.read();
        assertEquals(Map.of("self", read.get("self")), read);
        assertTrue(read.get("self").ticks() >= 0);
        assertTrue(ProcessCpu.ticksPerSecond() > 0);
    }

    @Test
    void secondsBetweenReadingsLeaveOutProcessesRestartedOrGone() {
        Map<String, Reading> from = new LinkedHashMap<>();
        from.put("logging-service", new Reading(10, 1_000));
        from.put("program-service", new Reading(11, 500));
        from.put("catalog-service", new Reading(12, 300));
        Map<String, Reading> to = Map.of("logging-service", new Reading(10, 1_250),
                "program-service", new Reading(99, 20));
        assertEquals(Map.of("logging-service", 2.5), ProcessCpu.secondsBetween(from, to, 100));
    }

    @Test
    void aWindowGivesMicrosecondsPerUnitOfEachProcess() {
        long self = ProcessHandle.current().pid();
        ProcessCpu.Window window = new ProcessCpu(Map.of("self", new ProcessCpu.Tracked(() -> self, false)), 100)
                .window();
        window.began();
        long spun = 0;
        for (long deadline = System.nanoTime() + 50_000_000; System.nanoTime() < deadline; ) {
            spun++;
        }
        window.ended();
        assertTrue(spun > 0 && window.microsPer("self", 1_000) >= 0);
        assertTrue(Double.isNaN(window.microsPer("other", 1_000)));
        assertTrue(window.perUnit(1_000).matches("self [0-9,]+ µs"), window.perUnit(1_000));
    }
}

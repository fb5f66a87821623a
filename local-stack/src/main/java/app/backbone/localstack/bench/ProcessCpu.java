package app.backbone.localstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * CPU time of the processes a benchmark measures, from {@code /proc/<pid>/stat} (user + system time, in clock ticks
 * of {@code getconf CLK_TCK}): each service, PostgreSQL (the postmaster, its live backends and the ones it has
 * reaped) and this JVM (Kafka's broker and the load generators). Steadier than wall time on a shared machine: what a
 * request or an event costs, whatever else ran beside it.
 */
final class ProcessCpu {

    /** Clock ticks per second where {@code getconf CLK_TCK} cannot say. */
    static final long DEFAULT_TICKS_PER_SECOND = 100;
    /** Fields of a {@code /proc/<pid>/stat} line, numbered from 1 as in proc(5). */
    private static final int STATE = 3;
    private static final int UTIME = 14;
    private static final int STIME = 15;
    private static final int CUTIME = 16;
    private static final int CSTIME = 17;

    /**
     * A process to follow.
     *
     * @param pid          its current pid (a service restarted gets a new one), or -1 when it has none
     * @param withChildren whether its children count as part of it (PostgreSQL's backends), live or reaped
     */
    record Tracked(LongSupplier pid, boolean withChildren) {
    }

    private final Map<String, Tracked> processes;
    private final long ticksPerSecond;

    /** @param processes by name, in report order */
    ProcessCpu(Map<String, Tracked> processes, long ticksPerSecond) {
        this.processes = new LinkedHashMap<>(processes);
        this.ticksPerSecond = ticksPerSecond;
    }

    /** The processes' CPU time now, by name; a process that cannot be read is left out. */
    Map<String, Reading> read() {
        Map<String, Reading> readings = new LinkedHashMap<>();
        processes.forEach((name, process) -> {
            long pid = process.pid().getAsLong();
            long ticks = pid <= 0 ? -1 : process.withChildren() ? ticksWithChildren(pid) : ticks(pid, false);
            if (ticks >= 0) {
                readings.put(name, new Reading(pid, ticks));
            }
        });
        return readings;
    }

    /** A process's CPU time at one moment. */
    record Reading(long pid, long ticks) {
    }

    /** A window to read CPU time over: from {@link Window#began()} to {@link Window#ended()}. */
    Window window() {
        return new Window();
    }

    /** CPU time used between two readings. */
    final class Window implements MeasuredPeriod {

        private Map<String, Reading> from = Map.of();
        private Map<String, Double> seconds = Map.of();

        private Window() {
        }

        /** Reads each process's CPU time. */
        @Override
        public void began() {
            from = read();
        }

        /** Reads each process's CPU time again; a process restarted in between (another pid) is left out. */
        @Override
        public void ended() {
            seconds = secondsBetween(from, read(), ticksPerSecond);
        }

        /** CPU seconds each process used in the window, by name. */
        Map<String, Double> seconds() {
            return seconds;
        }

        /** Microseconds of CPU per unit of work of one process, {@code NaN} when it was not read. */
        double microsPer(String process, long units) {
            Double used = seconds.get(process);
            return used == null || units <= 0 ? Double.NaN : used * 1e6 / units;
        }

        /** E.g. {@code logging-service 180 µs, PostgreSQL 95 µs, ...} per {@code units}. */
        String perUnit(long units) {
            List<String> parts = new ArrayList<>();
            seconds.forEach((process, used) -> parts.add(String.format(Locale.ROOT, "%s %,.0f µs", process,
                    units <= 0 ? Double.NaN : used * 1e6 / units)));
            return parts.isEmpty() ? "not readable" : String.join(", ", parts);
        }
    }

    static Map<String, Double> secondsBetween(Map<String, Reading> from, Map<String, Reading> to,
            long ticksPerSecond) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        from.forEach((name, start) -> {
            Reading end = to.get(name);
            if (end != null && end.pid() == start.pid()) {
                seconds.put(name, (end.ticks() - start.ticks()) / (double) ticksPerSecond);
            }
        });
        return seconds;
    }

    /**
     * The user and system time of a process in clock ticks, with what the children it has waited for used, and
     * what its live children use (a PostgreSQL backend's CPU is its own until it exits, then its postmaster's).
     */
    private static long ticksWithChildren(long pid) {
        long ticks = ticks(pid, true);
        if (ticks < 0) {
            return -1;
        }
        for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.children().toList()).orElse(List.of())) {
            ticks += Math.max(0, ticks(child.pid(), false));
        }
        return ticks;
    }

    private static long ticks(long pid, boolean withReaped) {
        try {
            return ticks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")), withReaped);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The CPU ticks in a {@code /proc/<pid>/stat} line: utime + stime, and cutime + cstime if {@code withReaped}.
     * The fields are counted after the command name, which is in parentheses and may hold spaces and parentheses.
     */
    static long ticks(String stat, boolean withReaped) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 1).trim().split("\\s+");
        long ticks = field(fields, UTIME) + field(fields, STIME);
        return withReaped ? ticks + field(fields, CUTIME) + field(fields, CSTIME) : ticks;
    }

    /** Field {@code n} of the line, from the fields after the command name (the first of which is the state). */
    private static long field(String[] afterCommand, int n) {
        return Long.parseLong(afterCommand[n - STATE]);
    }

    /** {@code getconf CLK_TCK}, or {@value #DEFAULT_TICKS_PER_SECOND} where that cannot be run. */
    static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(answer) : DEFAULT_TICKS_PER_SECOND;
        } catch (IOException | NumberFormatException e) {
            return DEFAULT_TICKS_PER_SECOND;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_TICKS_PER_SECOND;
        }
    }
}

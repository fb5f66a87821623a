package app.backbone.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a benchmark ran on, from {@code /proc}: CPU model and count, memory, kernel, load. */
final class Machine {

    private static final Pattern MODEL = Pattern.compile("(?m)^model name\\s*:\\s*(.+)$");
    private static final Pattern PROCESSOR = Pattern.compile("(?m)^processor\\s*:");
    private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s*(\\d+) kB");

    private Machine() {
    }

    /** E.g. {@code Intel(R) Xeon(R) Processor, 2 CPUs, 23.5 GiB RAM, Linux 6.1.0}. */
    static String describe() {
        return describe(read("/proc/cpuinfo"), read("/proc/meminfo"), read("/proc/sys/kernel/osrelease").trim());
    }

    static String describe(String cpuinfo, String meminfo, String kernel) {
        Matcher model = MODEL.matcher(cpuinfo);
        long cpus = PROCESSOR.matcher(cpuinfo).results().count();
        Matcher mem = MEM_TOTAL.matcher(meminfo);
        return String.format(Locale.ROOT, "%s, %d CPUs, %s RAM, Linux %s",
                model.find() ? model.group(1).trim() : "unknown CPU",
                cpus > 0 ? cpus : Runtime.getRuntime().availableProcessors(),
                mem.find() ? String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(mem.group(1)) / 1048576.0)
                        : "unknown",
                kernel.isEmpty() ? System.getProperty("os.version") : kernel);
    }

    /** The 1-minute load average, or an empty string where it cannot be read. */
    static String loadAverage() {
        String loadavg = read("/proc/loadavg");
        return loadavg.isBlank() ? "" : loadavg.split("\\s+")[0];
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}

package app.backbone.localstack.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.backbone.localstack.ServiceProcess;
import app.backbone.localstack.bench.Figure.Target;
import app.backbone.localstack.bench.Figure.Unit;

/**
 * (d) Each service's start time (stopped and started alone, launch to ready, the median of the repetitions) and
 * resident memory: idle after the stack's start, and the highest sample while the other parts run.
 */
final class StartAndMemory {

    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(500);

    private final BenchContext bench;
    private final List<String> services;
    private final Map<String, Long> idleKib = new HashMap<>();

    StartAndMemory(BenchContext bench) {
        this.bench = bench;
        this.services = bench.stack.services().stream().map(s -> s.service().name()).toList();
    }

    /** Lets the stack settle, then reads and prints each service's idle memory. */
    void readIdleMemory() throws InterruptedException {
        bench.out.printf("%nLetting the stack settle for %d s, then reading each service's idle memory ...%n",
                SETTLE.toSeconds());
        Thread.sleep(SETTLE.toMillis());
        for (String service : services) {
            idleKib.put(service, bench.stack.service(service).residentKib());
            bench.out.printf("  %-16s %s resident%n", service, Unit.MEGABYTES.format(megabytes(idleKib.get(service))));
        }
    }

    /** Starts sampling each service's memory, for the figures under load. */
    MemorySampler sampleMemory() {
        return new MemorySampler(bench.stack, services, SAMPLE_EVERY);
    }

    void measureStartTimes() throws Exception {
        int starts = bench.options.starts();
        bench.out.printf("%n(d) Start time: each service stopped and started alone, %d time%s, launch to ready ...%n",
                starts, starts == 1 ? "" : "s");
        for (ServiceProcess process : bench.stack.services()) {
            String service = process.service().name();
            long[] millis = new long[starts];
            for (int i = 0; i < millis.length; i++) {
                bench.stack.stopService(service);
                millis[i] = bench.stack.restartService(service).toMillis();
            }
            double median = median(millis) / 1000.0;
            bench.out.printf("  %-16s %s (runs: %s)%n", service, Unit.SECONDS.format(median), runs(millis));
            bench.details.add(String.format(Locale.ROOT, "(d) %s start runs: %s.", service, runs(millis)));
            bench.figures.add(Figure.of("d", service + " start, launch to ready (median)", Unit.SECONDS, median,
                    Target.below(2)));
        }
    }

    /**
     * Adds each service's idle memory figure and, if the load ran, its highest under it.
     *
     * @param sampler the sampler that ran during the other parts
     */
    void addMemoryFigures(MemorySampler sampler, boolean loaded) {
        for (String service : services) {
            bench.figures.add(Figure.of("d", service + " resident memory, idle", Unit.MEGABYTES,
                    megabytes(idleKib.get(service)), Target.below(300)));
            if (loaded) {
                bench.figures.add(Figure.of("d", service + " resident memory, max under the suite's load",
                        Unit.MEGABYTES, megabytes(sampler.maxKib(service)), Target.below(300)));
            }
        }
    }

    /** The nearest-rank median: the middle one of an odd number, the lower middle one of an even number. */
    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    private static String runs(long[] millis) {
        return String.join(", ", Arrays.stream(millis)
                .mapToObj(ms -> Unit.SECONDS.format(ms / 1000.0)).toList());
    }

    private static double megabytes(long kib) {
        return kib <= 0 ? Double.NaN : kib * 1024 / 1e6;
    }
}

package app.backbone.localstack.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import app.backbone.localstack.LocalStack;

/** Samples each service's resident memory at a fixed rate and keeps the highest, following restarted processes. */
final class MemorySampler implements AutoCloseable {

    private final LocalStack stack;
    private final List<String> services;
    private final Map<String, Long> maxKib = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-memory-sampler");
        thread.setDaemon(true);
        return thread;
    });

    MemorySampler(LocalStack stack, List<String> services, Duration every) {
        this.stack = stack;
        this.services = List.copyOf(services);
        timer.scheduleAtFixedRate(this::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        for (String service : services) {
            long kib = stack.service(service).residentKib();
            if (kib > 0) {
                maxKib.merge(service, kib, Math::max);
            }
        }
    }

    /** The highest resident memory seen of a service, in KiB; 0 if none was seen. */
    long maxKib(String service) {
        return maxKib.getOrDefault(service, 0L);
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }
}

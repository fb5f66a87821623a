package app.backbone.localstack.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;

/**
 * Open-loop HTTP/1.1 load at a fixed rate, latency corrected for coordinated omission (as wrk2 measures it): request
 * {@code i} is due {@code i / perSecond} seconds after the start ({@link SteadyRate}) whether or not the ones before
 * it were answered. A pacing thread hands each to one Netty event-loop thread (Netty's codec, as in
 * {@link ClosedLoopLoad}), which sends it on an idle keep-alive connection, or on a new one while fewer than
 * {@code maxConnections} are open, or else as soon as one is free; its latency counts from when it was due, so a
 * server that stalls shows as the latency of every request it delayed, not as fewer requests. The measured period's
 * hooks run on a thread of their own, so that what they read never delays a request.
 */
final class OpenLoopLoad {

    /** How long answers are waited for after the measured period. */
    static final int DRAIN_SECONDS = 30;

    /**
     * What one run measured.
     *
     * @param micros      latencies, from when each request was due, of the measured period's requests answered 2xx,
     *                    and of those still unanswered {@value #DRAIN_SECONDS} s after the period, until then
     * @param failures    the measured period's requests answered otherwise or failed
     * @param unanswered  the measured period's requests still unanswered {@value #DRAIN_SECONDS} s after it
     * @param connections the most connections open at once
     * @param cpuSeconds  the event-loop thread's CPU time in the measured period
     */
    record Result(String target, int perSecond, double seconds, Histogram micros, long failures, long unanswered,
            int connections, double cpuSeconds) {

        /** The requests answered 2xx in time. */
        long answered() {
            return micros.getTotalCount() - unanswered;
        }

        double millis(double percentile) {
            return Latencies.millis(micros, percentile);
        }

        /** The load generator's CPU use as a share of one core. */
        double cpuShare() {
            return cpuSeconds / seconds;
        }

        String summary() {
            return String.format(Locale.ROOT, "%s: %d/s open loop, %,d answers in %.1f s, %d failures, %d "
                    + "unanswered; ms p50 %.2f p99 %.2f p99.9 %.2f max %.2f; %d connections; load generator CPU %.0f%% "
                    + "of a core", target, perSecond, answered(), seconds, failures, unanswered, millis(50),
                    millis(99), millis(99.9), millis(100), connections, 100 * cpuShare());
        }
    }

    /** A request due at {@code dueNanos}; only those of the measured period are {@code counted}. */
    private record Due(long dueNanos, boolean counted) {
    }

    private final LoadRequest request;
    private final Bootstrap bootstrap;
    private final int maxConnections;
    private final Histogram micros = Latencies.micros();
    private final ArrayDeque<Due> waiting = new ArrayDeque<>();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final CountDownLatch drained = new CountDownLatch(1);
    private int open;
    private int mostOpen;
    private final Set<Connection> connections = new HashSet<>();
    private long unanswered;
    private long failures;
    private boolean allDue;

    private OpenLoopLoad(LoadRequest request, Bootstrap bootstrap, int maxConnections) {
        this.request = request;
        this.bootstrap = bootstrap;
        this.maxConnections = maxConnections;
    }

    /**
     * Runs the load against {@code uri} (http only) with {@code Authorization: Bearer token}: a warm-up, then the
     * measured period, then waits for the answers still due; tells {@code period} when the measured period begins
     * and ends.
     *
     * @param jsonBody a body to POST, or {@code null} to GET
     */
    static Result run(URI uri, String token, String jsonBody, SteadyRate rate, Duration warmUp, Duration measured,
            int maxConnections, MeasuredPeriod period) throws InterruptedException, ExecutionException {
        EventLoopGroup eventLoop = new NioEventLoopGroup(1);
        ExecutorService periodHooks = Executors.newSingleThreadExecutor();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (LoadRequest request = LoadRequest.of(uri, token, jsonBody)) {
            OpenLoopLoad load = new OpenLoopLoad(request, request.bootstrap(eventLoop), maxConnections);
            long eventLoopThread = eventLoop.submit(() -> Thread.currentThread().getId()).get();
            long warmUpCount = rate.count(warmUp);
            long total = warmUpCount + rate.count(measured);
            long start = System.nanoTime();
            long cpuAtStart = 0;
            for (long i = 0; i < total; i++) {
                if (i == warmUpCount) {
                    SteadyRate.parkUntil(rate.dueNanos(start, i));
                    periodHooks.execute(period::began);
                    cpuAtStart = threads.getThreadCpuTime(eventLoopThread);
                }
                Due due = new Due(rate.awaitDue(start, i), i >= warmUpCount);
                eventLoop.execute(() -> load.due(due));
            }
            SteadyRate.parkUntil(rate.dueNanos(start, total));
            double cpuSeconds = (threads.getThreadCpuTime(eventLoopThread) - cpuAtStart) / 1e9;
            periodHooks.submit(period::ended).get();
            eventLoop.execute(load::allDue);
            load.drained.await(DRAIN_SECONDS, TimeUnit.SECONDS);
            return eventLoop.submit(() -> load.result(request.target(), rate.perSecond(), measured, cpuSeconds))
                    .get();
        } finally {
            periodHooks.shutdownNow();
            eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** The result, the requests still unanswered recorded with their latency so far. */
    private Result result(String target, int perSecond, Duration measured, double cpuSeconds) {
        long now = System.nanoTime();
        List<Due> pending = new ArrayList<>(waiting);
        connections.stream().map(c -> c.inFlight).filter(Objects::nonNull).forEach(pending::add);
        long counted = 0;
        for (Due due : pending) {
            if (due.counted()) {
                micros.recordValue((now - due.dueNanos()) / 1000);
                counted++;
            }
        }
        return new Result(target, perSecond, measured.toNanos() / 1e9, micros.copy(), failures, counted, mostOpen,
                cpuSeconds);
    }

    private void due(Due due) {
        unanswered++;
        Connection free = idle.poll();
        if (free != null) {
            free.send(due);
        } else {
            waiting.add(due);
            if (open < maxConnections) {
                connect();
            }
        }
    }

    private void allDue() {
        allDue = true;
        if (unanswered == 0) {
            drained.countDown();
        }
    }

    private void connect() {
        open++;
        mostOpen = Math.max(mostOpen, open);
        bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(LoadRequest.decoder(), new Connection());
            }
        }).connect().addListener((ChannelFutureListener) connected -> {
            if (!connected.isSuccess()) {
                open--;
                Due due = waiting.poll();
                if (due != null) {
                    done(due, -1);
                }
                if (!waiting.isEmpty() && open < maxConnections) {
                    connect();
                }
            }
        });
    }

    /** A request answered at {@code answeredAt}, or failed if that is negative. */
    private void done(Due due, long answeredAt) {
        unanswered--;
        if (due.counted()) {
            if (answeredAt >= 0) {
                micros.recordValue((answeredAt - due.dueNanos()) / 1000);
            } else {
                failures++;
            }
        }
        if (allDue && unanswered == 0) {
            drained.countDown();
        }
    }

    /** One keep-alive connection: one request in flight, the answer's body skipped. */
    private final class Connection extends LoadRequest.Answers {

        private ChannelHandlerContext context;
        private Due inFlight;

        @Override
        public void channelActive(ChannelHandlerContext active) {
            context = active;
            connections.add(this);
            free();
        }

        private void free() {
            Due next = waiting.poll();
            if (next == null) {
                idle.push(this);
            } else {
                send(next);
            }
        }

        private void send(Due due) {
            inFlight = due;
            context.writeAndFlush(request.bytes(), context.voidPromise());
        }

        @Override
        void answered(ChannelHandlerContext ignored, boolean ok, boolean keepAlive) {
            long now = System.nanoTime();
            Due answered = inFlight;
            inFlight = null;
            done(answered, ok ? now : -1);
            if (keepAlive) {
                free();
            } else {
                context.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext inactive) {
            open--;
            connections.remove(this);
            idle.remove(this);
            if (inFlight != null) {
                Due failed = inFlight;
                inFlight = null;
                done(failed, -1);
            }
            if (!waiting.isEmpty() && open < maxConnections) {
                connect();
            }
        }
    }
}

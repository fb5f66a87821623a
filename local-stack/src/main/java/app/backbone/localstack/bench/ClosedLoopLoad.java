package app.backbone.localstack.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
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
 * Closed-loop HTTP/1.1 load on one Netty event-loop thread, with Netty's HTTP codec: {@code clients} keep-alive
 * connections, each sending the same request (a GET, or a POST of a JSON body, encoded once) as soon as the previous
 * answer has arrived, first for a warm-up, then for a measured period; a connection the server closes is replaced.
 * Answers are decoded by the codec and their bodies released unread, and latencies go into an HdrHistogram, so the
 * generator costs little of the CPU it shares with the services (Vert.x's and the JDK's clients cost several times as
 * much per request, which took CPU from the services measured); the event-loop thread's CPU time is part of the result.
 */
public final class ClosedLoopLoad {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What one run measured.
     *
     * @param micros      latencies of the requests sent in the measured period and answered with a 2xx
     * @param failures    answers other than 2xx, failed requests and requests left unanswered at the end
     * @param cpuSeconds  the event-loop thread's CPU time from the end of the warm-up to the end of the run
     */
    public record Result(String target, int clients, double seconds, Histogram micros, long failures,
            double cpuSeconds) {

        public double requestsPerSecond() {
            return micros.getTotalCount() / seconds;
        }

        public double millis(double percentile) {
            return Latencies.millis(micros, percentile);
        }

        /** The load generator's CPU use as a share of one core. */
        public double cpuShare() {
            return cpuSeconds / seconds;
        }

        public String summary() {
            return String.format("%s: %d clients, %,d answers in %.1f s (%,.0f/s), %d failures; "
                    + "ms p50 %.2f p95 %.2f p99 %.2f max %.2f; load generator CPU %.0f%% of a core", target, clients,
                    micros.getTotalCount(), seconds, requestsPerSecond(), failures, millis(50), millis(95),
                    millis(99), millis(100), 100 * cpuShare());
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Bootstrap bootstrap;
    private final LoadRequest request;
    private final Histogram micros = Latencies.micros();
    private final CountDownLatch stopped;
    private final long measureFrom;
    private final long measureUntil;
    private long eventLoopThread;
    private long cpuAtStart = -1;
    private long failures;
    private int busy;

    private ClosedLoopLoad(Bootstrap bootstrap, LoadRequest request, int clients, Duration warmUp,
            Duration measured) {
        this.bootstrap = bootstrap;
        this.request = request;
        this.busy = clients;
        this.stopped = new CountDownLatch(clients);
        this.measureFrom = System.nanoTime() + warmUp.toNanos();
        this.measureUntil = measureFrom + measured.toNanos();
    }

    /**
     * Runs the load against {@code uri} (http only) with {@code Authorization: Bearer token}.
     *
     * @param jsonBody a body to POST, or {@code null} to GET
     */
    public static Result run(URI uri, String token, String jsonBody, int clients, Duration warmUp,
            Duration measured) throws InterruptedException, ExecutionException {
        return run(uri, token, jsonBody, clients, warmUp, measured, MeasuredPeriod.NONE);
    }

    /**
     * As {@link #run(URI, String, String, int, Duration, Duration)}, telling {@code period} when it begins and ends.
     */
    static Result run(URI uri, String token, String jsonBody, int clients, Duration warmUp, Duration measured,
            MeasuredPeriod period) throws InterruptedException, ExecutionException {
        EventLoopGroup eventLoop = new NioEventLoopGroup(1);
        try (LoadRequest request = LoadRequest.of(uri, token, jsonBody)) {
            ClosedLoopLoad load = new ClosedLoopLoad(request.bootstrap(eventLoop), request, clients, warmUp,
                    measured);
            eventLoop.submit(() -> load.start(eventLoop, clients)).get();
            SteadyRate.parkUntil(load.measureFrom);
            period.began();
            SteadyRate.parkUntil(load.measureUntil);
            period.ended();
            load.stopped.await(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return eventLoop.submit(() -> load.result(request.target(), clients, measured)).get();
        } finally {
            eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private void start(EventLoopGroup eventLoop, int clients) {
        eventLoopThread = Thread.currentThread().getId();
        eventLoop.schedule(() -> cpuAtStart = threads.getThreadCpuTime(eventLoopThread),
                Math.max(0, measureFrom - System.nanoTime()), TimeUnit.NANOSECONDS);
        for (int i = 0; i < clients; i++) {
            connect();
        }
    }

    /** Opens a connection for one client, which then sends a request whenever the previous one is answered. */
    private void connect() {
        bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(LoadRequest.decoder(), new Client());
            }
        }).connect().addListener((ChannelFutureListener) connected -> {
            if (!connected.isSuccess()) {
                failed(System.nanoTime());
            }
        });
    }

    /** A request failed before it was answered: counted, and the client goes on over a new connection. */
    private void failed(long sentAt) {
        long now = System.nanoTime();
        if (sentAt >= measureFrom && sentAt < measureUntil) {
            failures++;
        }
        if (now < measureUntil) {
            connect();
        } else {
            done();
        }
    }

    private void done() {
        busy--;
        stopped.countDown();
    }

    private Result result(String target, int clients, Duration measured) {
        long cpuAtEnd = threads.getThreadCpuTime(eventLoopThread);
        double cpuSeconds = (cpuAtEnd - (cpuAtStart < 0 ? cpuAtEnd : cpuAtStart)) / 1e9;
        return new Result(target, clients, measured.toNanos() / 1e9, micros.copy(), failures + busy, cpuSeconds);
    }

    /** One client's connection: one request in flight, the answer's body skipped, its latency recorded. */
    private final class Client extends LoadRequest.Answers {

        private long sentAt;
        private boolean inFlight;

        @Override
        public void channelActive(ChannelHandlerContext context) {
            send(context);
        }

        private void send(ChannelHandlerContext context) {
            sentAt = System.nanoTime();
            inFlight = true;
            context.writeAndFlush(request.bytes(), context.voidPromise());
        }

        @Override
        void answered(ChannelHandlerContext context, boolean ok, boolean keepAlive) {
            long now = System.nanoTime();
            inFlight = false;
            if (sentAt >= measureFrom && sentAt < measureUntil) {
                if (ok) {
                    micros.recordValue((now - sentAt) / 1000);
                } else {
                    failures++;
                }
            }
            if (now >= measureUntil) {
                context.close();
                done();
            } else if (keepAlive) {
                send(context);
            } else {
                context.close();
                connect();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            if (inFlight) {
                inFlight = false;
                failed(sentAt);
            }
        }
    }
}

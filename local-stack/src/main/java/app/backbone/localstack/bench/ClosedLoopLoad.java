package app.backbone.localstack.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Closed-loop HTTP/1.1 load from one thread: {@code clients} keep-alive connections, each sending the same request
 * (a GET, or a POST of a JSON body) as soon as the previous answer has arrived, first for a warm-up and then for a
 * measured period. Requests are pre-encoded bytes and responses are skipped without being kept, so the generator
 * costs little of the CPU it shares with the services; its own CPU time is part of the result.
 */
public final class ClosedLoopLoad {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What one run measured.
     *
     * @param micros      latencies of the requests sent in the measured period and answered
     * @param failures    answers other than 2xx, broken connections and requests left unanswered at the end
     * @param cpuSeconds  the load generator's own CPU time in the measured period
     */
    public record Result(String target, int clients, double seconds, Percentiles micros, long failures,
            double cpuSeconds) {

        public double requestsPerSecond() {
            return micros.count() / seconds;
        }

        public double millis(double percentile) {
            return micros.count() == 0 ? Double.NaN : micros.at(percentile) / 1000.0;
        }

        /** The load generator's CPU use as a share of one core. */
        public double cpuShare() {
            return cpuSeconds / seconds;
        }

        public String summary() {
            return String.format("%s: %d clients, %,d answers in %.1f s (%,.0f/s), %d failures; "
                    + "ms p50 %.2f p95 %.2f p99 %.2f max %.2f; load generator CPU %.0f%% of a core", target, clients,
                    micros.count(), seconds, requestsPerSecond(), failures, millis(50), millis(95), millis(99),
                    millis(100), 100 * cpuShare());
        }
    }

    private ClosedLoopLoad() {
    }

    /**
     * Runs the load against {@code uri} (http only) with {@code Authorization: Bearer token}.
     *
     * @param jsonBody a body to POST, or {@code null} to GET
     */
    public static Result run(URI uri, String token, String jsonBody, int clients, Duration warmUp,
            Duration measured) throws IOException {
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Only http:// URLs: " + uri);
        }
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
        ByteBuffer request = ByteBuffer.wrap(request(uri, token, jsonBody)).asReadOnlyBuffer();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Selector selector = Selector.open()) {
            Connection[] connections = new Connection[clients];
            for (int i = 0; i < clients; i++) {
                connections[i] = new Connection(address, request);
                connections[i].open(selector);
            }
            long started = System.nanoTime();
            long measureFrom = started + warmUp.toNanos();
            long measureUntil = measureFrom + measured.toNanos();
            Run run = new Run(measureFrom, measureUntil, clients);
            for (Connection connection : connections) {
                connection.send(started);
            }
            long cpuAtStart = -1;
            long now = started;
            while (run.busy > 0 && now < measureUntil + DRAIN_TIMEOUT.toNanos()) {
                if (cpuAtStart < 0 && now >= measureFrom) {
                    cpuAtStart = threads.getCurrentThreadCpuTime();
                }
                selector.select(50);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    ((Connection) key.attachment()).ready(key, selector, run);
                }
                now = System.nanoTime();
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - Math.max(0, cpuAtStart)) / 1e9;
            for (Connection connection : connections) {
                connection.close();
            }
            return new Result(uri.getPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), clients,
                    measured.toNanos() / 1e9, Percentiles.of(run.latencies, run.count), run.failures + run.busy,
                    cpuSeconds);
        }
    }

    static byte[] request(URI uri, String token, String jsonBody) {
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(jsonBody == null ? "GET " : "POST ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(uri.getPort() < 0 ? "" : ":" + uri.getPort())
                .append("\r\nAuthorization: Bearer ").append(token)
                .append("\r\nAccept: application/json\r\n");
        if (jsonBody != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** The state all connections share: the measured window, the latencies, the counts. */
    private static final class Run {
        final long measureFrom;
        final long measureUntil;
        long[] latencies = new long[1 << 16];
        int count;
        long failures;
        int busy;

        Run(long measureFrom, long measureUntil, int clients) {
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
            this.busy = clients;
        }

        void answered(long sentAt, long now, boolean ok) {
            if (sentAt < measureFrom || sentAt >= measureUntil) {
                return;
            }
            if (!ok) {
                failures++;
                return;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = (now - sentAt) / 1000;
        }
    }

    /** One keep-alive connection with at most one request in flight. */
    private static final class Connection {
        private final InetSocketAddress address;
        private final ByteBuffer request;
        private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        private final HttpResponseReader reader = new HttpResponseReader();
        private SocketChannel channel;
        private SelectionKey key;
        private long sentAt;

        Connection(InetSocketAddress address, ByteBuffer request) {
            this.address = address;
            this.request = request.duplicate();
        }

        void open(Selector selector) throws IOException {
            channel = SocketChannel.open(address);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, 0, this);
        }

        void send(long now) throws IOException {
            sentAt = now;
            request.rewind();
            reader.reset();
            channel.write(request);
            key.interestOps(request.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void ready(SelectionKey selected, Selector selector, Run run) throws IOException {
            if (selected.isWritable()) {
                channel.write(request);
                if (!request.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
                return;
            }
            boolean complete;
            try {
                in.clear();
                if (channel.read(in) < 0) {
                    throw new IOException("connection closed by the server");
                }
                in.flip();
                complete = reader.feed(in);
            } catch (IOException | IllegalStateException e) {
                long now = System.nanoTime();
                run.answered(sentAt, now, false);
                reopen(selector, run, now);
                return;
            }
            if (!complete) {
                return;
            }
            long now = System.nanoTime();
            run.answered(sentAt, now, reader.status() / 100 == 2);
            if (reader.closes()) {
                reopen(selector, run, now);
            } else {
                next(run, now);
            }
        }

        private void next(Run run, long now) throws IOException {
            if (now < run.measureUntil) {
                send(now);
            } else {
                key.interestOps(0);
                run.busy--;
            }
        }

        private void reopen(Selector selector, Run run, long now) throws IOException {
            close();
            if (now < run.measureUntil) {
                open(selector);
                send(now);
            } else {
                run.busy--;
            }
        }

        void close() throws IOException {
            if (key != null) {
                key.cancel();
            }
            channel.close();
        }
    }
}

package app.backbone.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of one server, such as PostgreSQL, that a test can cut off: {@link #cut()} resets
 * every open connection at once and every new one as soon as it is accepted, until {@link #restore()}. Clients see
 * a dead server at once rather than after a timeout. Each direction of a connection is copied until its end,
 * so a client or server that half-closes its side still reads the other's answer.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final ExecutorService threads;
    private final Set<Link> links = new HashSet<>();
    private boolean cut;

    private TcpProxy(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "tcp-proxy-" + listener.getLocalPort() + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Listens on a free loopback port and forwards every connection made to it to the target. */
    public static TcpProxy start(String targetHost, int targetPort) throws IOException {
        ServerSocket listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        TcpProxy proxy = new TcpProxy(listener, new InetSocketAddress(targetHost, targetPort));
        proxy.threads.execute(proxy::accept);
        return proxy;
    }

    /** The port the proxy listens on, at 127.0.0.1. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Resets every open connection, both to the client and to the target, and every new one until restored. */
    public void cut() {
        List<Link> open;
        synchronized (this) {
            cut = true;
            open = new ArrayList<>(links);
        }
        open.forEach(Link::reset);
    }

    /** Forwards new connections again. */
    public synchronized void restore() {
        cut = false;
    }

    /** Stops listening and resets every open connection; the proxy's idle threads end within a minute. */
    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            threads.execute(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Link link = new Link(client, new Socket());
        boolean admitted;
        synchronized (this) {
            admitted = !cut && links.add(link);
        }
        if (!admitted) {
            link.reset();
            return;
        }
        try {
            link.server.connect(target, CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            link.reset();
            return;
        }
        threads.execute(() -> link.copy(link.server, link.client));
        link.copy(link.client, link.server);
    }

    /** A client's connection and the proxy's connection to the target on its behalf. */
    private final class Link {

        final Socket client;
        final Socket server;
        private final AtomicInteger endedDirections = new AtomicInteger();

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        /** Copies until {@code from} ends its side, then ends it towards {@code to}; resets both on an error. */
        void copy(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                }
                to.shutdownOutput();
            } catch (IOException e) {
                reset();
                return;
            }
            if (endedDirections.incrementAndGet() == 2) {
                close(false);
            }
        }

        void reset() {
            close(true);
        }

        private void close(boolean reset) {
            synchronized (TcpProxy.this) {
                links.remove(this);
            }
            for (Socket socket : List.of(client, server)) {
                try (socket) {
                    if (reset) {
                        socket.setSoLinger(true, 0);
                    }
                } catch (IOException e) {
                    // closed already, or reset by the other side
                }
            }
        }
    }
}

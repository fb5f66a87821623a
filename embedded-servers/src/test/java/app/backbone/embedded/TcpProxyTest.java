package app.backbone.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    private static EmbeddedPostgres postgres;
    private static TcpProxy proxy;

    @BeforeAll
    static void startPostgresBehindTheProxy() throws IOException {
        postgres = EmbeddedPostgres.start(null, 0);
        proxy = TcpProxy.start("127.0.0.1", postgres.port());
    }

    @AfterAll
    static void stop() throws IOException {
        proxy.close();
        postgres.close();
    }

    @AfterEach
    void restore() {
        proxy.restore();
    }

    @Test
    void manyConnectionsAtOnceEachReachTheirOwnBackend() throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                connections.add(connect());
            }
            List<CompletableFuture<Integer>> pids = connections.stream()
                    .map(connection -> CompletableFuture.supplyAsync(() -> backendPid(connection)))
                    .toList();
            Set<Integer> distinct = new HashSet<>();
            pids.forEach(pid -> distinct.add(pid.join()));
            assertEquals(40, distinct.size());
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    @Test
    void aCutBreaksOpenConnectionsAndRefusesNewOnesUntilRestored() throws Exception {
        try (Connection open = connect()) {
            backendPid(open);

            proxy.cut();
            Instant cut = Instant.now();
            assertThrows(SQLException.class, () -> open.createStatement().execute("SELECT 1"));
            assertThrows(SQLException.class, TcpProxyTest::connect);
            Duration noticed = Duration.between(cut, Instant.now());
            assertTrue(noticed.compareTo(Duration.ofSeconds(2)) < 0, () -> "noticed after " + noticed);
        }

        proxy.restore();
        try (Connection again = connect()) {
            backendPid(again);
        }
    }

    @Test
    void aSideThatHalfClosesStillReadsTheAnswer() throws Exception {
        byte[] request = "every byte, then the end of the stream".getBytes(StandardCharsets.UTF_8);
        try (ServerSocket echo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TcpProxy echoProxy = TcpProxy.start("127.0.0.1", echo.getLocalPort())) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> answerAfterTheEnd(echo));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), echoProxy.port())) {
                client.getOutputStream().write(request);
                client.shutdownOutput();
                assertArrayEquals(request, client.getInputStream().readAllBytes());
            }
            server.join();
        }
    }

    /** Reads the whole request, up to the client's end of stream, and only then writes it back and closes. */
    private static void answerAfterTheEnd(ServerSocket echo) {
        try (Socket socket = echo.accept();
             InputStream in = socket.getInputStream();
             OutputStream out = socket.getOutputStream()) {
            out.write(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres?connectTimeout=5",
                EmbeddedPostgres.USER, "");
    }

    private static int backendPid(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package app.backbone.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * A chain's endpoint, started by a test on 127.0.0.1, over http or https: it keeps every request it is sent, per path,
 * and answers each path with the answers scripted for it, in turn (a delay before answering to time out the sender),
 * then 200. An answer's body is {@code answered <status>} unless scripted; a 3xx points to {@code <path>-moved}.
 */
public final class Receiver implements AutoCloseable {

    /** A request as it came. */
    public record Received(Instant at, String host, String id, String timestamp, String signature, String body) {
    }

    /** A scripted answer: a status after a delay, with a body if given. */
    public record Answer(int status, Duration delay, String body) {

        public Answer(int status, Duration delay) {
            this(status, delay, null);
        }

        public static Answer status(int status) {
            return new Answer(status, Duration.ZERO);
        }
    }

    private final HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
    private final List<String> serverNames;

    public Receiver() throws IOException {
        this(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), List.of());
    }

    private Receiver(HttpServer server, List<String> serverNames) {
        this.server = server;
        this.serverNames = serverNames;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** An https endpoint with the key and certificate in the PKCS#12 key store, which keeps the SNI names asked for. */
    public static Receiver https(Path keyStore, String password) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, password.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> serverNames = new CopyOnWriteArrayList<>();
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = tls.getDefaultSSLParameters();
                parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        serverNames.add(((SNIHostName) name).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(parameters);
            }
        });
        return new Receiver(server, serverNames);
    }

    /** The URL of a path on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + "/" + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The SNI host names TLS clients have asked for, in arrival order. */
    public List<String> serverNames() {
        return List.copyOf(serverNames);
    }

    /** Answers the next requests to the path as given, in turn. */
    public void script(String path, Answer... answers) {
        script.put("/" + path, new ArrayDeque<>(List.of(answers)));
    }

    /** The requests sent to the path so far, in arrival order. */
    public List<Received> received(String path) {
        List<Received> list = received.get("/" + path);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        Received request = new Received(Instant.now(), exchange.getRequestHeaders().getFirst("host"),
                exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body);
        List<Received> list = received.computeIfAbsent(path, p -> new ArrayList<>());
        synchronized (list) {
            list.add(request);
        }
        Deque<Answer> answers = script.get(path);
        Answer answer = answers == null ? null : answers.pollFirst();
        answer = answer == null ? Answer.status(200) : answer;
        if (!answer.delay().isZero()) {
            try {
                Thread.sleep(answer.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] reply = (answer.body() == null ? "answered " + answer.status() : answer.body())
                .getBytes(StandardCharsets.UTF_8);
        if (answer.status() / 100 == 3) {
            exchange.getResponseHeaders().add("location", path + "-moved");
        }
        try {
            exchange.sendResponseHeaders(answer.status(), reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } catch (IOException e) {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

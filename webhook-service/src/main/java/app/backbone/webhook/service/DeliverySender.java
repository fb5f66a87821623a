package app.backbone.webhook.service;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import app.backbone.webhook.config.WebhookConfig;
import app.backbone.webhook.domain.Signatures;
import app.backbone.webhook.domain.TargetGuard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends one attempt of a delivery the Standard Webhooks way ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}), after checking again what the URL resolves to. The connection goes to exactly the
 * address checked, never to a second lookup of the name, while the request still names the host: in its
 * {@code Host} header and, for {@code https}, in SNI and in the certificate's host name verification, against the
 * JVM's trusted certificates. HTTP/1.1, one connection per attempt; connect and request time-outs bound every
 * attempt, redirects are never followed, and only the start of an answer is read.
 */
@ApplicationScoped
public class DeliverySender {

    private static final String USER_AGENT = "Backbone-Webhooks/1";

    private final HttpClient client;
    private final Vertx vertx;
    private final TargetGuard guard;
    private final SecretCipher cipher;
    private final Clock clock;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int excerpt;

    public DeliverySender(WebhookConfig config, TargetGuard guard, SecretCipher cipher, Clock clock, Vertx vertx) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setConnectTimeout((int) config.delivery().connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.delivery().concurrency()));
        this.vertx = vertx;
        this.guard = guard;
        this.cipher = cipher;
        this.clock = clock;
        this.connectTimeout = config.delivery().connectTimeout();
        this.requestTimeout = config.delivery().requestTimeout();
        this.excerpt = config.delivery().responseExcerpt();
    }

    public AttemptOutcome send(ClaimedDelivery delivery) {
        Instant attemptedAt = clock.instant();
        long started = System.nanoTime();
        TargetGuard.Target target;
        try {
            target = guard.check(delivery.url());
        } catch (TargetGuard.Refused e) {
            return new AttemptOutcome(attemptedAt, null, elapsed(started), "Refused (" + e.rule() + "): the URL "
                    + e.getMessage(), null);
        }
        long timestamp = attemptedAt.getEpochSecond();
        String id = delivery.id().toString();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("host", hostHeader(target.uri()))
                .add("content-type", "application/json")
                .add("user-agent", USER_AGENT)
                .add("webhook-id", id)
                .add("webhook-timestamp", Long.toString(timestamp))
                .add("webhook-signature", Signatures.sign(cipher.decrypt(delivery.secretCiphertext()), id,
                        timestamp, delivery.body()));
        // The whole exchange starts on the sender thread's own event-loop context, so every listener below is in place
        // before that context can run the answer's events: a listener added after a 204 had ended was never told.
        Context context = vertx.getOrCreateContext();
        CompletableFuture<HttpClientRequest> request = new CompletableFuture<>();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        context.runOnContext(start -> client.request(requestTo(target).setHeaders(headers))
                .onSuccess(request::complete)
                .compose(sending -> sending.send(Buffer.buffer(delivery.body())))
                .compose(this::read)
                .onComplete(result -> {
                    if (result.succeeded()) {
                        answer.complete(result.result());
                    } else {
                        answer.completeExceptionally(result.cause());
                    }
                }));
        try {
            Answer answered = answer.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new AttemptOutcome(attemptedAt, answered.status(), elapsed(started), null, answered.excerpt());
        } catch (TimeoutException e) {
            request.thenAccept(sending -> context.runOnContext(reset -> sending.reset()));
            return new AttemptOutcome(attemptedAt, null, elapsed(started), "No answer within " + requestTimeout, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            Throwable root = cause;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return new AttemptOutcome(attemptedAt, null, elapsed(started), cause.getClass().getSimpleName() + ": "
                    + cause.getMessage() + (root == cause ? "" : " (" + root.getMessage() + ")"), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.thenAccept(sending -> context.runOnContext(reset -> sending.reset()));
            return new AttemptOutcome(attemptedAt, null, elapsed(started), "Interrupted", null);
        }
    }

    private RequestOptions requestTo(TargetGuard.Target target) {
        URI uri = target.uri();
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(port)
                .setSsl(https)
                .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(connectTimeout.toMillis());
    }

    private static String hostHeader(URI uri) {
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** Reads the status and the answer's first bytes only, as text, then closes the connection. */
    private Future<Answer> read(HttpClientResponse response) {
        Buffer start = Buffer.buffer();
        Promise<Answer> read = Promise.promise();
        response.handler(chunk -> {
            start.appendBuffer(chunk, 0, Math.min(chunk.length(), excerpt - start.length()));
            if (start.length() >= excerpt && read.tryComplete(new Answer(response.statusCode(), start.toString()))) {
                response.request().reset();
            }
        });
        response.endHandler(end -> read.tryComplete(new Answer(response.statusCode(), start.toString())));
        response.exceptionHandler(read::tryFail);
        return read.future();
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private record Answer(int status, String excerpt) {
    }
}

package app.backbone.webhook.service;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import app.backbone.webhook.config.WebhookConfig;
import app.backbone.webhook.domain.Signatures;
import app.backbone.webhook.domain.TargetGuard;

/**
 * Sends one attempt of a delivery the Standard Webhooks way ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}), after checking again what the URL resolves to. Connect and request time-outs bound
 * every attempt, redirects are never followed, and only the start of an answer is read.
 */
@ApplicationScoped
public class DeliverySender {

    private static final String USER_AGENT = "Backbone-Webhooks/1";

    private final HttpClient client;
    private final TargetGuard guard;
    private final SecretCipher cipher;
    private final Clock clock;
    private final Duration requestTimeout;
    private final int excerpt;

    public DeliverySender(WebhookConfig config, SecretCipher cipher, Clock clock) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.delivery().connectTimeout())
                .build();
        this.guard = TargetGuard.system(config.allowPrivateTargets());
        this.cipher = cipher;
        this.clock = clock;
        this.requestTimeout = config.delivery().requestTimeout();
        this.excerpt = config.delivery().responseExcerpt();
    }

    public AttemptOutcome send(ClaimedDelivery delivery) {
        Instant attemptedAt = clock.instant();
        long started = System.nanoTime();
        URI target;
        try {
            target = guard.check(delivery.url());
        } catch (TargetGuard.Refused e) {
            return new AttemptOutcome(attemptedAt, null, elapsed(started), "Refused (" + e.rule() + "): the URL "
                    + e.getMessage(), null);
        }
        long timestamp = attemptedAt.getEpochSecond();
        String id = delivery.id().toString();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(requestTimeout)
                .header("content-type", "application/json")
                .header("user-agent", USER_AGENT)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.sign(cipher.decrypt(delivery.secretCiphertext()), id,
                        timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request, info -> new Excerpt(excerpt));
        try {
            HttpResponse<String> response = answer.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new AttemptOutcome(attemptedAt, response.statusCode(), elapsed(started), null, response.body());
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new AttemptOutcome(attemptedAt, null, elapsed(started), "No answer within " + requestTimeout, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new AttemptOutcome(attemptedAt, null, elapsed(started),
                    cause.getClass().getSimpleName() + ": " + cause.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return new AttemptOutcome(attemptedAt, null, elapsed(started), "Interrupted", null);
        }
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** Reads an answer's first bytes only, as text, and then stops reading. */
    private static final class Excerpt implements HttpResponse.BodySubscriber<String> {

        private final int max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> text = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Excerpt(int max) {
            this.max = max;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), max - bytes.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.write(chunk, 0, take);
            }
            if (bytes.size() >= max) {
                subscription.cancel();
                onComplete();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            text.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            text.complete(bytes.toString(StandardCharsets.UTF_8));
        }

        @Override
        public CompletionStage<String> getBody() {
            return text;
        }
    }
}

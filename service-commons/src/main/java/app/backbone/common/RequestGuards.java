package app.backbone.common;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses with a problem document the requests no endpoint can serve: a body over
 * {@code backbone.http.max-body-size} (413; by default {@code quarkus.http.limits.max-body-size}), and a path or
 * query holding a NUL character (400: no id, name or filter has one, and PostgreSQL cannot compare text with it).
 * <p>
 * Uploads, the {@code POST}s to paths matching {@code backbone.http.upload-paths}, may be up to
 * {@code backbone.http.max-upload-size} instead and are left to their endpoint to read as a stream (which must enforce
 * that limit itself): only a length announced over it is refused here. {@code quarkus.http.limits.max-body-size} must
 * then be above the upload limit.
 * <p>
 * A body announced over the limit is refused before it is read. A body sent chunked is read here up to the limit;
 * past it the answer goes out at once and the rest of the body is read and dropped, up to
 * {@link #DRAIN_FACTOR} times the limit, so that the client reads the 413 instead of a connection reset (Quarkus'
 * own limit closes the connection while the client is still sending).
 */
@ApplicationScoped
public class RequestGuards {

    /** Just ahead of Quarkus' upload-limit route (order -2). */
    private static final int ORDER = -3;

    /** How much past the limit a refused chunked body is drained before the connection is closed instead. */
    static final int DRAIN_FACTOR = 16;

    private final long maxBytes;
    private final long maxUploadBytes;
    private final Optional<Pattern> uploadPaths;
    private final String tooLarge;
    private final String uploadTooLarge;
    private final String nulCharacter;

    public RequestGuards(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize quarkusLimit,
            @ConfigProperty(name = "backbone.http.max-body-size") Optional<MemorySize> maxBodySize,
            @ConfigProperty(name = "backbone.http.max-upload-size", defaultValue = "32M") MemorySize maxUploadSize,
            @ConfigProperty(name = "backbone.http.upload-paths") Optional<Pattern> uploadPaths,
            ObjectMapper mapper) throws JsonProcessingException {
        this.maxBytes = maxBodySize.orElse(quarkusLimit).asLongValue();
        this.maxUploadBytes = maxUploadSize.asLongValue();
        this.uploadPaths = uploadPaths;
        this.tooLarge = tooLarge(mapper, maxBytes);
        this.uploadTooLarge = tooLarge(mapper, maxUploadBytes);
        this.nulCharacter = mapper.writeValueAsString(new Problem(ProblemTypes.VALIDATION, "Invalid request", 400,
                "The path or query holds a NUL character (%00).", null));
    }

    private static String tooLarge(ObjectMapper mapper, long bytes) throws JsonProcessingException {
        return mapper.writeValueAsString(new Problem(ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", 413,
                "Request bodies are limited to " + bytes + " bytes.", null));
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            HttpServerRequest request = context.request();
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean upload = isUpload(request);
            if (length != null && announcedMoreThan(length, upload ? maxUploadBytes : maxBytes)) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                refuse(context, 413, upload ? uploadTooLarge : tooLarge);
            } else if (request.uri().contains("%00")) {
                refuse(context, 400, nulCharacter);
            } else if (upload) {
                context.next();
            } else if (length == null && request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                readChunked(context);
            } else {
                context.next();
            }
        });
    }

    private void readChunked(RoutingContext context) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        long[] received = {0};
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] <= maxBytes) {
                body.appendBuffer(chunk);
            } else if (!context.response().ended()) {
                refuse(context, 413, tooLarge);
            } else if (received[0] > maxBytes * DRAIN_FACTOR) {
                request.connection().close();
            }
        });
        request.endHandler(ended -> {
            if (received[0] <= maxBytes) {
                context.setBody(body);
                context.next();
            }
        });
        request.resume();
    }

    private static void refuse(RoutingContext context, int status, String problem) {
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(problem);
    }

    private boolean isUpload(HttpServerRequest request) {
        return request.method() == HttpMethod.POST
                && uploadPaths.map(p -> p.matcher(request.path()).matches()).orElse(false);
    }

    private static boolean announcedMoreThan(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

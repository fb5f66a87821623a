package app.backbone.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Answers a request whose announced body exceeds {@code quarkus.http.limits.max-body-size} with a 413 problem,
 * before Quarkus' own limit (which answers without a body) and before anything is read.
 */
@ApplicationScoped
public class BodyLimitRoute {

    /** Just ahead of Quarkus' upload-limit route (order -2). */
    private static final int ORDER = -3;

    private final long maxBytes;
    private final String problemJson;

    public BodyLimitRoute(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper mapper) throws JsonProcessingException {
        this.maxBytes = maxBodySize.asLongValue();
        this.problemJson = mapper.writeValueAsString(new Problem(ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                413, "Request bodies are limited to " + maxBytes + " bytes.", null));
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && announcedTooMuch(length)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problemJson);
            } else {
                context.next();
            }
        });
    }

    private boolean announcedTooMuch(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

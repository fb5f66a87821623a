package app.backbone.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses with a problem document, before anything is read, the requests no endpoint can serve: a body announced
 * over {@code quarkus.http.limits.max-body-size} (413, ahead of Quarkus' own limit, which answers without a body),
 * and a path or query holding a NUL character (400: no id, name or filter has one, and PostgreSQL cannot compare
 * text with it).
 */
@ApplicationScoped
public class RequestGuards {

    /** Just ahead of Quarkus' upload-limit route (order -2). */
    private static final int ORDER = -3;

    private final long maxBytes;
    private final String tooLarge;
    private final String nulCharacter;

    public RequestGuards(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper mapper) throws JsonProcessingException {
        this.maxBytes = maxBodySize.asLongValue();
        this.tooLarge = mapper.writeValueAsString(new Problem(ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                413, "Request bodies are limited to " + maxBytes + " bytes.", null));
        this.nulCharacter = mapper.writeValueAsString(new Problem(ProblemTypes.VALIDATION, "Invalid request", 400,
                "The path or query holds a NUL character (%00).", null));
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && announcedTooMuch(length)) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                refuse(context, 413, tooLarge);
            } else if (context.request().uri().contains("%00")) {
                refuse(context, 400, nulCharacter);
            } else {
                context.next();
            }
        });
    }

    private static void refuse(RoutingContext context, int status, String problem) {
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(problem);
    }

    private boolean announcedTooMuch(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

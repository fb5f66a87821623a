package app.backbone.dashboard.rest;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.TemplateInstance;

import app.backbone.dashboard.client.ServiceFailure;
import app.backbone.dashboard.client.SignInUnavailable;

/**
 * Turns every failure of a page into an HTML page that says what went wrong, never a stack trace. A member the
 * services do not know in the trainer's chain is the 404 page, exactly as one that does not exist.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    /** The problem page. */
    record problem(int status, String title, String detail) implements TemplateInstance {
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "Not found", "No such page or member in your chain.");
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return page(400, "Invalid request", e.getConstraintViolations().stream()
                .map(v -> v.getInvalidValue() + ": " + v.getMessage()).sorted()
                .reduce((a, b) -> a + "; " + b).orElse("Invalid request."));
    }

    @ServerExceptionMapper
    public Response service(ServiceFailure e) {
        if (e.status() == null) {
            LOG.warnf("%s", e.getMessage());
            return page(503, "Service unavailable", e.getMessage() + " Try again in a moment.");
        }
        return switch (e.status()) {
            case 404 -> page(404, "Not found", "No such page or member in your chain.");
            case 401 -> page(401, "Not signed in", e.service() + " did not accept your sign-in; sign in again.");
            case 403 -> page(403, "Not allowed", e.service() + " does not let your account read this (role "
                    + "trainer needed).");
            default -> {
                LOG.warnf(e, "%s", e.getMessage());
                yield page(502, "Service failed", e.getMessage());
            }
        };
    }

    @ServerExceptionMapper
    public Response signIn(SignInUnavailable e) {
        LOG.warnf("%s", e.getMessage());
        return page(503, "Sign-in unavailable", e.getMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return page(status, e.getResponse().getStatusInfo().getReasonPhrase(), "The request could not be answered.");
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Page failed", e);
        return page(500, "Something went wrong", "The page could not be made; the error is logged.");
    }

    private static Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(new problem(status, title, detail).render()).build();
    }
}

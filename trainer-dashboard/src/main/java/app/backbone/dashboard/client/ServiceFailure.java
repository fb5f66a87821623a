package app.backbone.dashboard.client;

import jakarta.ws.rs.WebApplicationException;

/**
 * A call to logging- or program-service that did not give what the page needs: the status it answered, or none when
 * it did not answer at all (refused, timed out).
 */
public class ServiceFailure extends RuntimeException {

    private final String service;
    private final Integer status;

    private ServiceFailure(String service, Integer status, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
        this.status = status;
    }

    /** What {@code failure}, raised by a call to {@code service}, means for the page. */
    public static ServiceFailure of(String service, Throwable failure) {
        if (failure instanceof ServiceFailure known) {
            return known;
        }
        if (failure instanceof WebApplicationException answered && answered.getResponse() != null) {
            int status = answered.getResponse().getStatus();
            return new ServiceFailure(service, status, service + " answered " + status + ".", failure);
        }
        return new ServiceFailure(service, null, service + " did not answer (" + failure.getMessage() + ").",
                failure);
    }

    public String service() {
        return service;
    }

    /** The status the service answered, or null when it did not answer. */
    public Integer status() {
        return status;
    }
}

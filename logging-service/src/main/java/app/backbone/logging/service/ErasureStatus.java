package app.backbone.logging.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An erasure as the audit holds it: when it was asked for, when it completed (null while pending), each service. */
public record ErasureStatus(UUID erasureId, Instant requestedAt, Instant completedAt, List<ServiceState> services) {

    /** One service's part: when it confirmed, null while pending. */
    public record ServiceState(String service, Instant confirmedAt) {
    }

    public boolean done() {
        return completedAt != null;
    }
}

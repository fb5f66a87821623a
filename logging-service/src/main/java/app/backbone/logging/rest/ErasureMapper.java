package app.backbone.logging.rest;

import app.backbone.logging.service.ErasureStatus;

/** Maps erasures to the API's records. */
final class ErasureMapper {

    private ErasureMapper() {
    }

    static ErasureResponse erasure(ErasureStatus status) {
        return new ErasureResponse(status.erasureId(), status.done() ? ErasureResponse.Status.DONE
                : ErasureResponse.Status.PENDING, status.requestedAt(), status.completedAt(), status.services().stream()
                .map(s -> new ErasureResponse.ServiceResponse(s.service(), s.confirmedAt() == null
                        ? ErasureResponse.ServiceState.PENDING : ErasureResponse.ServiceState.CONFIRMED,
                        s.confirmedAt()))
                .toList());
    }
}

package app.backbone.logging.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One exercise in one session, a point of the progression series; the fields are defined on ProgressionPoint. */
public record ProgressionPointResponse(String sessionId, Instant completedAt, LocalDate date,
        PrescriptionResponse prescription, int workingSets, Integer fewestReps, TopSetResponse topSet,
        BigDecimal bestE1rmKg, BigDecimal tonnageKg) {
}

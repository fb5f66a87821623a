package app.backbone.program.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a member reported doing in one session of a program, as sent; {@code sessionId}, {@code week} and
 * {@code sessionIndex} may be null. Its JSON is what a report's fingerprint is computed from, so its fields keep
 * their names and order, and the later ones are left out when null, as reports sent before them were fingerprinted.
 */
public record ReportedSession(String sessionId, Instant completedAt, List<ReportedExercise> exercises,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer week,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer sessionIndex) {

    /** One exercise with its sets. */
    public record ReportedExercise(String exerciseId, List<ReportedSet> sets) {
    }

    /** One set: reps for rep work, seconds for timed work; null where nothing was said. */
    public record ReportedSet(Integer reps, BigDecimal loadKg, Integer rir, Boolean toFailure, Integer seconds,
            Boolean warmup) {

        /** Whether the set says how much was done; part of the fingerprint since the first release. */
        @JsonProperty("measured")
        public boolean measured() {
            return reps != null || seconds != null;
        }
    }
}

package app.backbone.logging.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rebuild of the tenant's figures from its stored sessions: how far it is, and how it ended. */
public record RebuildResponse(
        UUID id,
        Status status,
        @Schema(description = "Members with stored sessions or figures when it started, and any it met later; null "
                + "until it starts") Integer membersTotal,
        @Schema(description = "Members recomputed so far") int membersDone,
        @Schema(description = "Whole percent of the members recomputed") int percentDone,
        @Schema(description = "Stored sessions the members recomputed so far were computed from")
        long sessionsProcessed,
        @Schema(description = "How many times an instance took it up (more than one: an instance running it stopped, "
                + "and another went on where it was)") int attempts,
        @Schema(description = "Why a FAILED rebuild failed, as a problem document has it") Failure failure,
        Instant createdAt,
        Instant startedAt,
        @Schema(description = "When it last moved on") Instant updatedAt,
        Instant finishedAt) {

    /** Where a rebuild is. */
    @Schema(name = "RebuildStatus")
    public enum Status {
        PENDING, RUNNING, DONE, FAILED
    }

    /** Why a rebuild failed. */
    @Schema(name = "RebuildFailure")
    public record Failure(String type, String title, String detail) {
    }
}

package app.backbone.logging.rest;

import app.backbone.common.ProblemTypes;
import app.backbone.logging.domain.FigureRebuildJob;

/** Maps figure rebuilds to the API's records. */
final class RebuildMapper {

    private RebuildMapper() {
    }

    static RebuildResponse rebuild(FigureRebuildJob job) {
        int percent = job.status == FigureRebuildJob.Status.DONE ? 100
                : job.membersTotal == null || job.membersTotal == 0 ? 0
                : (int) Math.min(100, job.membersDone * 100L / job.membersTotal);
        return new RebuildResponse(job.id, RebuildResponse.Status.valueOf(job.status.name()), job.membersTotal,
                job.membersDone, percent, job.sessionsProcessed, job.attempts, job.failure == null ? null
                        : new RebuildResponse.Failure(ProblemTypes.INTERNAL, "Rebuild failed", job.failure),
                job.createdAt, job.startedAt, job.updatedAt, job.finishedAt);
    }
}

package app.backbone.logging.rest;

import app.backbone.logging.domain.MemberImport;
import app.backbone.logging.service.ImportService;

/** Maps imports to the API's records. */
final class ImportMapper {

    private ImportMapper() {
    }

    static ImportResponse imported(MemberImport i, ImportService imports) {
        int percent = i.rowsTotal == 0 ? 100 : (int) Math.min(100, i.rowsRead * 100 / i.rowsTotal);
        return new ImportResponse(i.id, i.memberId, i.source, i.variant, i.dryRun, i.status.name(), i.timeZone,
                i.weightUnit, i.rowsTotal, i.rowsRead, i.rowsSkipped,
                i.status == MemberImport.Status.DONE ? 100 : percent, i.sessionsFound, i.sessionsStored,
                i.sessionsAlreadyPresent, i.sessionsWithoutExercises,
                imports.unmapped(i).stream().map(u -> new ImportResponse.UnmappedExerciseResponse(u.name(), u.rows(),
                        u.closest().stream().map(m -> new ImportResponse.ExerciseMatch(m.exerciseId(), m.name()))
                                .toList())).toList(),
                imports.errors(i).stream().map(e -> new ImportResponse.RowErrorResponse(e.line(), e.field(),
                        e.message())).toList(),
                i.errorCount, i.failure, i.createdAt, i.updatedAt, i.finishedAt);
    }
}

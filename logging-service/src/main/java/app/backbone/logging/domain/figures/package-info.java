/**
 * Volume and progression figures of DESIGN.md, as plain values: sessions in, figures out.
 *
 * <p>Write path: fold each stored session with {@link app.backbone.logging.domain.figures.MemberFigures#plus}
 * (or {@link app.backbone.logging.domain.figures.WeekAggregate#plus} and
 * {@link app.backbone.logging.domain.figures.ExerciseHistory#plus} separately). Rebuild: the same fold from
 * empty over all stored sessions ({@code rebuild}); folds are order-independent and skip a session id they
 * already hold, so both paths give equal values.
 *
 * <p>Read path: {@link app.backbone.logging.domain.figures.WeekAggregate#figures} takes the catalog facts of
 * {@link app.backbone.logging.domain.figures.WeekAggregate#exerciseIds()}; muscles and patterns are applied
 * there, never stored, so facts that arrive late need no recomputation.
 * {@link app.backbone.logging.domain.figures.ExerciseHistory} gives the time series, the records and the
 * recommendation.
 *
 * <p>Kilogram figures carry 2 decimals (HALF_UP, rounded once at the end), hard sets 1 decimal, the pull:push
 * ratio 2 decimals; weeks and dates are read on the UTC calendar.
 */
package app.backbone.logging.domain.figures;

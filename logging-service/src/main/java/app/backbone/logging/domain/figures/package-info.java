/**
 * Volume and progression figures of DESIGN.md, as plain values: sessions in, figures out.
 *
 * <p>Weeks: each stored session is folded into its week's {@link app.backbone.logging.domain.figures.WeekAggregate}
 * ({@code plus}); a rebuild folds all stored sessions again from empty. Folds are order-independent and skip a
 * session id they already hold, so both give equal values. Categories (only strength work makes hard sets), muscles
 * and movement patterns are applied when the weeks are read, by
 * {@link app.backbone.logging.domain.figures.WeeklyFigures.Calculator} with the catalog facts of
 * {@link app.backbone.logging.domain.figures.WeekAggregate#exerciseIds()}; they are never stored, so facts that
 * arrive late need no recomputation. What a week stores is versioned
 * ({@link app.backbone.logging.domain.figures.WeekAggregate#FIGURES_VERSION}).
 *
 * <p>Exercises: {@link app.backbone.logging.domain.figures.ExerciseHistory#rebuild} folds a member's sessions of one
 * exercise into the progression series and the records, and gives the recommendation.
 *
 * <p>Kilogram figures carry 2 decimals (HALF_UP, rounded once at the end), hard sets 1 decimal, the pull:push
 * ratio 2 decimals; weeks and dates are read on the UTC calendar.
 */
package app.backbone.logging.domain.figures;

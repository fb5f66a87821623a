package app.backbone.logging.domain.imports;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Hevy's rows: one set a row, a workout being the consecutive rows of one (title, start_time). */
final class HevyRows implements SourceRows {

    static final List<String> METRIC = List.of("title", "start_time", "end_time", "description", "exercise_title",
            "superset_id", "exercise_notes", "set_index", "set_type", "weight_kg", "reps", "distance_km",
            "duration_seconds", "rpe");

    private final List<String> header;
    private final boolean imperial;
    private final ZoneId zone;

    private HevyRows(List<String> header, boolean imperial, ZoneId zone) {
        this.header = header;
        this.imperial = imperial;
        this.zone = zone;
    }

    /** Recognises Hevy's header, metric ({@code weight_kg}) or imperial ({@code weight_lbs}), or nothing. */
    static Optional<HevyRows> recognise(List<String> header, ImportOptions options) {
        List<String> names = header.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        boolean metric = names.containsAll(METRIC);
        boolean imperial = names.containsAll(METRIC.stream()
                .map(name -> name.replace("weight_kg", "weight_lbs").replace("distance_km", "distance_miles"))
                .toList());
        return metric || imperial ? Optional.of(new HevyRows(names, imperial, options.timeZone())) : Optional.empty();
    }

    @Override
    public String variant() {
        return imperial ? "hevy-imperial" : "hevy-metric";
    }

    @Override
    public String exerciseField() {
        return "exercise_title";
    }

    @Override
    public String workoutKey(Cells cells) {
        return cell(cells, "title") + '\n' + cell(cells, "start_time");
    }

    @Override
    public Row read(Cells cells, long line) {
        Instant startedAt = Dates.hevy(cell(cells, "start_time"), zone, "start_time");
        String end = cell(cells, "end_time");
        Instant completedAt = end.isEmpty() ? startedAt : Dates.hevy(end, zone, "end_time");
        Row.Head head = new Row.Head(startedAt, completedAt, cell(cells, "title"));
        String type = cell(cells, "set_type");
        SetKind kind = SetKind.of(type).orElseThrow(() -> new BadValue("set_type", "'" + type
                + "' is no set type (normal, warmup, dropset or failure)"));
        String weightColumn = imperial ? "weight_lbs" : "weight_kg";
        String distanceColumn = imperial ? "distance_miles" : "distance_km";
        Integer reps = Values.count(cell(cells, "reps"), "reps", Values.MAX_REPS);
        Integer seconds = Values.seconds(cell(cells, "duration_seconds"), "duration_seconds");
        if (reps == null && seconds == null) {
            if (Values.hasDistance(cell(cells, distanceColumn), distanceColumn)) {
                return new Row.Skipped("distance only");
            }
            throw new BadValue("reps", "no reps, time or distance");
        }
        ImportedSet set = new ImportedSet(line, reps,
                Values.loadKg(cell(cells, weightColumn), imperial ? WeightUnit.LB : WeightUnit.KG, weightColumn),
                Values.rirFromRpe(cell(cells, "rpe"), "rpe"), kind == SetKind.FAILURE, seconds,
                kind == SetKind.WARMUP);
        String exercise = cell(cells, "exercise_title");
        return new Row.Set(head, exercise, exercise, null, set);
    }

    private String cell(Cells cells, String column) {
        return cells.get(header.indexOf(column));
    }
}

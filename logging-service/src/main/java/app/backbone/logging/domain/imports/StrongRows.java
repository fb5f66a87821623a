package app.backbone.logging.domain.imports;

import app.backbone.logging.domain.imports.StrongHeader.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strong's rows: one set a row, a workout being the consecutive rows of one (Date, Workout Name). */
final class StrongRows implements SourceRows {

    private static final Pattern DURATION = Pattern.compile(
            "(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m(?:in)?)?\\s*(?:(\\d+)\\s*s)?");

    private static final Pattern SET_NUMBER = Pattern.compile("\\d+");

    private final StrongHeader header;
    private final String variant;
    private final ZoneId zone;
    private final WeightUnit defaultUnit;
    private final List<String> names;

    StrongRows(StrongHeader header, char delimiter, ImportOptions options, List<String> names) {
        this.header = header;
        this.zone = options.timeZone();
        this.defaultUnit = header.weightUnit != null ? header.weightUnit : options.weightUnit();
        this.names = names;
        String unitSuffix = header.column(Role.WEIGHT_UNIT) >= 0 ? "-row-units" : "";
        this.variant = "strong-" + (delimiter == ';' ? "semicolon" : "comma") + "-" + header.language + unitSuffix;
    }

    @Override
    public String variant() {
        return variant;
    }

    @Override
    public String exerciseField() {
        return field(Role.EXERCISE);
    }

    @Override
    public String workoutKey(Cells cells) {
        return cells.get(header.column(Role.DATE)) + '\n' + cells.get(header.column(Role.WORKOUT_NAME));
    }

    @Override
    public Row read(Cells cells, long line) {
        String order = cells.get(header.column(Role.SET_ORDER));
        String orderKey = order.toLowerCase(Locale.ROOT);
        if (StrongHeader.REST_TIMER.contains(orderKey)) {
            return new Row.Skipped("rest timer");
        }
        if (StrongHeader.NOTE.contains(orderKey)) {
            return new Row.Skipped("note");
        }
        Instant startedAt = Dates.strong(cells.get(header.column(Role.DATE)), zone, field(Role.DATE));
        Row.Head head = new Row.Head(startedAt, startedAt.plus(duration(cells)),
                cells.get(header.column(Role.WORKOUT_NAME)));
        boolean warmup = false;
        boolean toFailure = false;
        if (!SET_NUMBER.matcher(order).matches()) {
            SetKind kind = SetKind.of(order).filter(k -> k != SetKind.NORMAL).orElseThrow(() -> new BadValue(
                    field(Role.SET_ORDER), "'" + order + "' is no set order (a number, W, D or F)"));
            warmup = kind == SetKind.WARMUP;
            toFailure = kind == SetKind.FAILURE;
        }
        Integer seconds = Values.seconds(cells.get(header.column(Role.SECONDS)), field(Role.SECONDS));
        Integer reps = Values.count(cells.get(header.column(Role.REPS)), field(Role.REPS), Values.MAX_REPS);
        boolean distance = Values.hasDistance(cells.get(header.column(Role.DISTANCE)), field(Role.DISTANCE));
        if (reps != null && reps == 0 && (seconds != null || distance)) {
            reps = null;
        }
        if (reps == null && seconds == null) {
            if (distance) {
                return new Row.Skipped("distance only");
            }
            throw new BadValue(field(Role.REPS), "no reps, time or distance");
        }
        ImportedSet set = new ImportedSet(line, reps, Values.loadKg(cells.get(header.column(Role.WEIGHT)),
                unit(cells), field(Role.WEIGHT)), Values.rirFromRpe(cells.get(header.column(Role.RPE)),
                field(Role.RPE)), toFailure, seconds, warmup);
        String exercise = cells.get(header.column(Role.EXERCISE));
        return new Row.Set(head, exercise, exercise, null, set);
    }

    private WeightUnit unit(Cells cells) {
        String unit = cells.get(header.column(Role.WEIGHT_UNIT)).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "" -> defaultUnit;
            case "kg", "kgs" -> WeightUnit.KG;
            case "lb", "lbs" -> WeightUnit.LB;
            default -> throw new BadValue(field(Role.WEIGHT_UNIT), "'" + unit + "' is neither kg nor lbs");
        };
    }

    private Duration duration(Cells cells) {
        String text = cells.get(header.column(Role.DURATION));
        if (text.isEmpty()) {
            return Duration.ZERO;
        }
        if (header.durationInSeconds || text.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Values.count(text, field(Role.DURATION), Integer.MAX_VALUE));
        }
        Matcher matcher = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new BadValue(field(Role.DURATION), "'" + text + "' is not a duration");
        }
        return Duration.ofHours(group(matcher, 1)).plusMinutes(group(matcher, 2)).plusSeconds(group(matcher, 3));
    }

    private static long group(Matcher matcher, int group) {
        return matcher.group(group) == null ? 0 : Long.parseLong(matcher.group(group));
    }

    private String field(Role role) {
        int column = header.column(role);
        return column < 0 ? null : names.get(column);
    }
}

package app.backbone.logging.domain.figures;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** An ISO-8601 week (week-based year and week number), written like {@code 2026-W47}. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    public IsoWeek {
        if (week < 1 || week > 53) {
            throw new IllegalArgumentException("week must be between 1 and 53");
        }
    }

    /** The week of an instant, read on the UTC calendar. */
    public static IsoWeek of(Instant instant) {
        return of(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    public static IsoWeek of(LocalDate date) {
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Monday the week starts on. */
    public LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @Override
    public int compareTo(IsoWeek other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(week, other.week);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(8);
        String digits = Integer.toString(year);
        text.append("0000", 0, Math.max(0, 4 - digits.length())).append(digits).append("-W");
        return (week < 10 ? text.append('0') : text).append(week).toString();
    }
}

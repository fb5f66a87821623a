package app.backbone.logging.rest;

import java.time.LocalDate;

import app.backbone.common.ProblemException;

/** The {@code from} and {@code to} days of the read endpoints: ISO dates of years 1 to 9999. */
final class DayParams {

    static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    private DayParams() {
    }

    /** The day as given, or a 400 problem naming the parameter when it is outside the years 1 to 9999. */
    static LocalDate supported(String name, LocalDate day) {
        if (day != null && (day.isBefore(FIRST) || day.isAfter(LAST))) {
            throw ProblemException.invalid(name, "must be a day of the years 1 to 9999");
        }
        return day;
    }
}

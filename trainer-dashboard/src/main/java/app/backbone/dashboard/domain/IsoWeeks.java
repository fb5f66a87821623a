package app.backbone.dashboard.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** ISO week labels as logging-service writes them ({@code 2026-W14}). */
public final class IsoWeeks {

    private IsoWeeks() {
    }

    /** The Monday that starts the week. */
    public static LocalDate monday(String week) {
        return LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
    }
}

package app.backbone.logging.domain.imports;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The date forms the apps write, read as local times of the member's zone unless they carry an offset. */
final class Dates {

    /** Strong: {@code 2019-05-12 09:03:12}; also seen without seconds, with a {@code T} and with slashes. */
    private static final List<DateTimeFormatter> STRONG = List.of(
            local("uuuu-MM-dd['T'][' ']HH:mm[:ss]"),
            local("uuuu/MM/dd['T'][' ']HH:mm[:ss]"));

    /**
     * Hevy writes dates in the phone's locale: {@code 2 Mar 2026, 19:59} (also {@code 02 Mar 2026, 19:59}),
     * {@code Mar 2, 2026, 7:59 PM} and {@code 02.03.2026, 19:59} are all seen in public exports and parsers.
     */
    private static final List<DateTimeFormatter> HEVY = List.of(
            local("d MMM uuuu, HH:mm"),
            local("MMM d, uuuu, h:mm a"),
            local("d.M.uuuu, HH:mm"),
            STRONG.get(0));

    private Dates() {
    }

    static Instant strong(String text, ZoneId zone, String field) {
        return parse(text, zone, field, STRONG);
    }

    static Instant hevy(String text, ZoneId zone, String field) {
        return parse(text, zone, field, HEVY);
    }

    private static Instant parse(String text, ZoneId zone, String field, List<DateTimeFormatter> forms) {
        if (text.isEmpty()) {
            throw new BadValue(field, "no date");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            for (DateTimeFormatter form : forms) {
                try {
                    return LocalDateTime.parse(text, form).atZone(zone).toInstant();
                } catch (DateTimeParseException tryNext) {
                    // the next form may fit
                }
            }
        }
        throw new BadValue(field, "'" + text + "' is not a date");
    }

    private static DateTimeFormatter local(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }
}

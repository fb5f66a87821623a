package app.backbone.dashboard.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/**
 * How the pages write numbers and times ({@code {fmt:num(x)}}): figures exactly as the services answered them, times
 * in UTC, absent values as nothing (or a dash where a reader looks for a figure).
 */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** The number without exponent or trailing zeros, {@code ""} for none: what {@code data-value} holds. */
    static String num(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** The number as {@link #num}, a dash for none. */
    static String shown(BigDecimal value) {
        return value == null ? "–" : num(value);
    }

    /** The instant to the minute, in UTC. */
    static String minutes(Instant value) {
        return value == null ? "" : MINUTES.format(value);
    }

    /** The instant as ISO-8601, {@code ""} for none. */
    static String iso(Instant value) {
        return value == null ? "" : value.toString();
    }
}

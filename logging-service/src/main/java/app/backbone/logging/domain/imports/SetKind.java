package app.backbone.logging.domain.imports;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kind of a set as the apps mark it, in the spellings seen in their exports: Strong's set order letters
 * ({@code W}, {@code D}, {@code F}), Hevy's {@code set_type} ({@code warmup}, {@code normal}, {@code dropset},
 * {@code failure}) and their variants ({@code Warm-up}, {@code drop_set}, {@code Failure}, ...).
 */
enum SetKind {
    NORMAL, WARMUP, DROP, FAILURE;

    private static final Map<String, SetKind> SPELLINGS = Map.ofEntries(
            Map.entry("", NORMAL), Map.entry("normal", NORMAL), Map.entry("working", NORMAL),
            Map.entry("regular", NORMAL),
            Map.entry("w", WARMUP), Map.entry("warmup", WARMUP), Map.entry("warm", WARMUP),
            Map.entry("d", DROP), Map.entry("drop", DROP), Map.entry("dropset", DROP),
            Map.entry("f", FAILURE), Map.entry("failure", FAILURE), Map.entry("fail", FAILURE),
            Map.entry("failed", FAILURE), Map.entry("tofailure", FAILURE));

    /** The kind a mark names, ignoring case, spaces, hyphens and underscores; empty for an unknown mark. */
    static Optional<SetKind> of(String mark) {
        return Optional.ofNullable(SPELLINGS.get(mark.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "")));
    }
}

package app.backbone.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Reads enum values from query parameters, refusing unknown ones with a problem that lists the allowed values. */
public final class EnumParams {

    private EnumParams() {
    }

    /**
     * The values of a repeatable query parameter; each may also hold several values separated by commas.
     *
     * @param field the parameter's name, reported back on error
     */
    public static <E extends Enum<E>> List<E> parse(String field, List<String> raw, Class<E> type) {
        List<E> values = new ArrayList<>();
        if (raw == null) {
            return values;
        }
        for (String entry : raw) {
            for (String value : entry.split(",")) {
                String name = value.strip();
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    values.add(Enum.valueOf(type, name));
                } catch (IllegalArgumentException e) {
                    String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name)
                            .collect(Collectors.joining(", "));
                    String message = "'" + name + "' is not one of the allowed values: " + allowed + ".";
                    throw ProblemException.invalid(message, field, message);
                }
            }
        }
        return values;
    }
}

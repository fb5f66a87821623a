package app.backbone.program.domain.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The real global exercise library of catalog-service, read from its source tree, as an {@link ExerciseCatalog}. */
final class LibraryCatalog {

    static final Path LIBRARY = Path.of("../catalog-service/src/main/resources/library/global-exercises.json");

    private static final List<CatalogEntry> ENTRIES = read();

    private LibraryCatalog() {
    }

    /** Every non-retired global exercise, in file order. */
    static List<CatalogEntry> entries() {
        return ENTRIES;
    }

    static ExerciseCatalog catalog() {
        return ExerciseCatalog.of(ENTRIES);
    }

    /** The library without the given exercises, as if a tenant could not use them. */
    static ExerciseCatalog without(String... ids) {
        Set<String> excluded = Set.of(ids);
        return ExerciseCatalog.of(ENTRIES.stream().filter(entry -> !excluded.contains(entry.id())).toList());
    }

    static CatalogEntry entry(String id) {
        return catalog().find(id).orElseThrow(() -> new AssertionError(id + " is not in the global library"));
    }

    private static List<CatalogEntry> read() {
        try {
            JsonNode root = new ObjectMapper().readTree(LIBRARY.toFile());
            List<CatalogEntry> entries = new ArrayList<>();
            for (JsonNode node : root) {
                if (node.path("retired").asBoolean(false)) {
                    continue;
                }
                entries.add(new CatalogEntry(
                        node.get("id").asText(),
                        node.get("name").asText(),
                        Category.valueOf(node.get("category").asText()),
                        MovementPattern.valueOf(node.get("movementPattern").asText()),
                        list(node.get("primaryMuscles"), Muscle::valueOf),
                        list(node.get("secondaryMuscles"), Muscle::valueOf),
                        set(node.get("equipment"), Equipment.class),
                        Laterality.valueOf(node.get("laterality").asText()),
                        Measure.valueOf(node.get("measure").asText()),
                        node.get("loadable").asBoolean(),
                        set(node.get("contraindications"), Condition.class)));
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LIBRARY.toAbsolutePath(), e);
        }
    }

    private static <T> List<T> list(JsonNode array, Function<String, T> parse) {
        List<T> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(parse.apply(value.asText())));
        }
        return values;
    }

    private static <E extends Enum<E>> Set<E> set(JsonNode array, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        list(array, name -> Enum.valueOf(type, name)).forEach(values::add);
        return values;
    }

    /** Every equipment item except the given ones. */
    static Set<Equipment> allBut(Equipment... missing) {
        Set<Equipment> all = EnumSet.allOf(Equipment.class);
        Arrays.asList(missing).forEach(all::remove);
        return all;
    }
}

package app.backbone.logging.domain.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Maps the exercise names other apps write to catalog exercise ids: the tenant's own aliases first, then a built-in
 * list of Strong's and Hevy's usual names, then the catalog's own names, always by {@link #key}.
 */
public final class ExerciseNames {

    private static final String BUILT_IN = "/imports/aliases.csv";
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    private final Map<String, String> aliases;

    private ExerciseNames(Map<String, String> aliases) {
        this.aliases = Map.copyOf(aliases);
    }

    /**
     * The form names are compared in: lower case, without accents, {@code &} as {@code and}, punctuation and
     * parentheses as spaces, spaces collapsed and trimmed.
     */
    public static String key(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        String plain = ACCENTS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).replace("&", " and ");
        return NOT_ALPHANUMERIC.matcher(plain).replaceAll(" ").strip();
    }

    /** The built-in aliases of Strong's and Hevy's names, read from {@code imports/aliases.csv}. */
    public static ExerciseNames builtIn() {
        try (InputStream in = ExerciseNames.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing");
            }
            return new ExerciseNames(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in aliases, id by {@link #key} of the name. */
    public Map<String, String> aliases() {
        return aliases;
    }

    /** The catalog id a name maps to: tenant aliases, then built-in aliases, then catalog names, all by key. */
    public Optional<String> resolve(String name, Map<String, String> tenantAliasesByKey,
            Map<String, String> catalogNamesByKey) {
        String key = key(name);
        for (Map<String, String> byKey : List.of(tenantAliasesByKey, aliases, catalogNamesByKey)) {
            String id = byKey.get(key);
            if (id != null) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /**
     * The ids of the {@code n} catalog names most like {@code name}, closest first: a third the share of words the
     * two have in common, a third the Jaro-Winkler similarity of the names as written (the movement, named first,
     * weighs most), a third that of their words in alphabetical order (so {@code Curl (Barbell)} is close to
     * {@code Barbell Curl}).
     */
    public List<String> closest(String name, Map<String, String> catalogNamesByKey, int n) {
        String key = key(name);
        return catalogNamesByKey.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, String> e) -> likeness(key, e.getKey()))
                        .reversed().thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getValue).distinct().limit(n).toList();
    }

    private static double likeness(String key, String other) {
        Set<String> words = new TreeSet<>(List.of(key.split(" ")));
        Set<String> otherWords = new TreeSet<>(List.of(other.split(" ")));
        long shared = words.stream().filter(otherWords::contains).count();
        double overlap = (double) shared / (words.size() + otherWords.size() - shared);
        return (overlap + SIMILARITY.apply(key, other)
                + SIMILARITY.apply(String.join(" ", words), String.join(" ", otherWords))) / 3;
    }

    private static Map<String, String> read(InputStream in) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        Map<String, String> byKey = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format)) {
            for (CSVRecord record : parser) {
                String key = key(record.get("name"));
                String id = record.get("exercise_id");
                String earlier = byKey.putIfAbsent(key, id);
                if (earlier != null && !earlier.equals(id)) {
                    throw new IllegalStateException("alias '" + record.get("name") + "' maps to both " + earlier
                            + " and " + id);
                }
            }
        }
        return byKey;
    }
}

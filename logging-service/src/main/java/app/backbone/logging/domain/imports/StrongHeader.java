package app.backbone.logging.domain.imports;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Strong's header in the languages it exports in. Strong names the columns in the app's language; matching is by
 * {@link ExerciseNames#key} of each name, so case, accents and punctuation do not matter.
 *
 * <p>English and the French names of date, workout name, duration, exercise name, set order, weight and reps are
 * taken from public exports; every other localised name below is unverified (the app's own translation is
 * likely but not confirmed) and only matches a file that uses exactly it.
 */
final class StrongHeader {

    /** The columns, in the order of each language's names in {@link #NAMES}. */
    enum Role {
        DATE, WORKOUT_NAME, DURATION, EXERCISE, SET_ORDER, WEIGHT, WEIGHT_UNIT, REPS, RPE, DISTANCE, DISTANCE_UNIT,
        SECONDS, NOTES, WORKOUT_NOTES, WORKOUT_NUMBER
    }

    private static final Set<Role> REQUIRED = Set.of(Role.DATE, Role.WORKOUT_NAME, Role.EXERCISE, Role.SET_ORDER,
            Role.WEIGHT, Role.REPS);

    /** Per language, the names in the order of {@link Role}; null where the language has none of its own. */
    private static final Map<String, String[]> NAMES = Map.of(
            "en", new String[] {"Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight",
                "Weight Unit", "Reps", "RPE", "Distance", "Distance Unit", "Seconds", "Notes", "Workout Notes",
                "Workout #"},
            "fr", new String[] {"Date", "Nom de l'entraînement", "Durée", "Nom de l'exercice", "Ordre de la série",
                "Poids", "Unité de poids", "Réps", null, "Distance", "Unité de distance", "Secondes", "Notes",
                "Notes de l'entraînement", "Entraînement #"},
            "de", new String[] {"Datum", "Workout-Name", "Dauer", "Übungsname", "Satzreihenfolge", "Gewicht",
                "Gewichtseinheit", "Wdh.", null, "Distanz", "Distanzeinheit", "Sekunden", "Notizen", "Workout-Notizen",
                "Workout #"},
            "es", new String[] {"Fecha", "Nombre del entrenamiento", "Duración", "Nombre del ejercicio",
                "Orden de la serie", "Peso", "Unidad de peso", "Repeticiones", null, "Distancia",
                "Unidad de distancia", "Segundos", "Notas", "Notas del entrenamiento", "Entrenamiento #"},
            "it", new String[] {"Data", "Nome allenamento", "Durata", "Nome esercizio", "Ordine serie", "Peso",
                "Unità di peso", "Ripetizioni", null, "Distanza", "Unità di distanza", "Secondi", "Note",
                "Note allenamento", "Allenamento #"},
            "pt", new String[] {"Data", "Nome do treino", "Duração", "Nome do exercício", "Ordem da série", "Peso",
                "Unidade de peso", "Repetições", null, "Distância", "Unidade de distância", "Segundos", "Notas",
                "Notas do treino", "Treino #"},
            "nl", new String[] {"Datum", "Workoutnaam", "Duur", "Oefeningnaam", "Setvolgorde", "Gewicht",
                "Gewichtseenheid", "Herhalingen", null, "Afstand", "Afstandseenheid", "Seconden", "Notities",
                "Workoutnotities", "Workout #"},
            "ru", new String[] {"Дата", "Название тренировки", "Длительность", "Название упражнения",
                "Порядок подходов", "Вес", "Единица веса", "Повторения", null, "Дистанция", "Единица дистанции",
                "Секунды", "Заметки", "Заметки к тренировке", "Тренировка #"});

    /** The languages in the order ties are settled: English first, as Strong leaves some names untranslated. */
    private static final List<String> LANGUAGES = List.of("en", "fr", "de", "es", "it", "pt", "nl", "ru");

    /** Rest-timer rows: English and French from public exports, the others unverified. */
    static final Set<String> REST_TIMER = Set.of("rest timer", "minuteur de repos", "pausentimer",
            "temporizador de descanso", "timer di recupero", "rusttimer", "таймер отдыха");

    /** Exercise-note rows, seen in English exports. */
    static final Set<String> NOTE = Set.of("note");

    final String language;
    final Map<Role, Integer> columns;
    /** The unit the weight column's name carries ({@code Weight (kg)}), or null. */
    final WeightUnit weightUnit;
    final boolean durationInSeconds;

    private StrongHeader(String language, Map<Role, Integer> columns, WeightUnit weightUnit,
            boolean durationInSeconds) {
        this.language = language;
        this.columns = columns;
        this.weightUnit = weightUnit;
        this.durationInSeconds = durationInSeconds;
    }

    /** Recognises a Strong header in any of its languages, or nothing. */
    static Optional<StrongHeader> recognise(List<String> header) {
        String best = null;
        Map<Role, Integer> bestColumns = Map.of();
        for (String language : LANGUAGES) {
            Map<Role, Integer> columns = match(header, language);
            if (columns.keySet().containsAll(REQUIRED) && columns.size() > bestColumns.size()) {
                best = language;
                bestColumns = columns;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String weight = suffix(header.get(bestColumns.get(Role.WEIGHT)));
        WeightUnit unit = switch (weight) {
            case "kg" -> WeightUnit.KG;
            case "lbs", "lb" -> WeightUnit.LB;
            default -> null;
        };
        Integer duration = bestColumns.get(Role.DURATION);
        boolean seconds = duration != null && suffix(header.get(duration)).equals("sec");
        return Optional.of(new StrongHeader(best, bestColumns, unit, seconds));
    }

    int column(Role role) {
        return columns.getOrDefault(role, -1);
    }

    private static Map<Role, Integer> match(List<String> header, String language) {
        Map<String, Role> byKey = new HashMap<>();
        addNames(byKey, "en");
        addNames(byKey, language);
        Map<Role, Integer> columns = new EnumMap<>(Role.class);
        for (int i = 0; i < header.size(); i++) {
            Role role = byKey.get(ExerciseNames.key(withoutSuffix(header.get(i))));
            if (role != null) {
                columns.putIfAbsent(role, i);
            }
        }
        return columns;
    }

    private static void addNames(Map<String, Role> byKey, String language) {
        String[] names = NAMES.get(language);
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                byKey.put(ExerciseNames.key(names[i]), Role.values()[i]);
            }
        }
    }

    private static String withoutSuffix(String name) {
        int open = name.lastIndexOf('(');
        return open > 0 && name.endsWith(")") ? name.substring(0, open) : name;
    }

    private static String suffix(String name) {
        int open = name.lastIndexOf('(');
        return open > 0 && name.endsWith(")")
                ? name.substring(open + 1, name.length() - 1).trim().toLowerCase(Locale.ROOT)
                : "";
    }
}

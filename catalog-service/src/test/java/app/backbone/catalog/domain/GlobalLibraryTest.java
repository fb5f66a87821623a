package app.backbone.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules the shipped global library must keep: well-formed entries, coverage of every exercise the two source
 * articles name, the contraindications they imply, and enough substitutes for the program rules to swap within a
 * movement pattern when equipment is missing.
 */
class GlobalLibraryTest {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Set<Equipment> LOAD_CARRYING = EnumSet.of(Equipment.BARBELL, Equipment.DUMBBELL,
            Equipment.KETTLEBELL, Equipment.CABLE, Equipment.MACHINE);

    private static final Set<Equipment> HOME = EnumSet.of(Equipment.BODYWEIGHT, Equipment.RESISTANCE_BAND,
            Equipment.PULL_UP_BAR, Equipment.SUSPENSION_TRAINER);

    private static final List<String> ARTICLE_EXERCISES = List.of(
            "conventional-deadlift", "romanian-deadlift", "sumo-deadlift", "back-extension-dumbbell-row",
            "two-handle-cable-row", "straight-arm-pulldown", "single-arm-lat-pulldown", "lat-pulldown",
            "single-arm-cable-row", "machine-row", "machine-pulldown", "hip-thrust",
            "tennis-ball-shoulder-blade-release", "foam-roller-thoracic-extension", "side-lying-arm-circles",
            "wall-scoops", "wall-slides", "no-money-drill", "foam-roller-no-money-drill", "tubing-pull-apart",
            "face-pull", "band-face-pull", "back-extension", "knee-hug-stretch", "childs-pose",
            "trx-row", "bent-over-barbell-row", "one-arm-dumbbell-row", "kettlebell-row", "band-row",
            "seated-cable-row",
            "dead-hang", "scapular-pull-up", "negative-pull-up", "band-assisted-pull-up", "pull-up", "chin-up");

    private static final List<String> SUBSTITUTES_AND_ADD_ONS = List.of(
            "dumbbell-romanian-deadlift", "kettlebell-deadlift", "band-good-morning", "band-lat-pulldown",
            "band-straight-arm-pulldown", "dumbbell-pullover",
            "barbell-curl", "dumbbell-curl", "hammer-curl", "cable-curl", "band-curl", "cable-triceps-pushdown",
            "overhead-dumbbell-triceps-extension", "band-triceps-pushdown", "bench-dip",
            "barbell-bench-press", "dumbbell-bench-press", "push-up", "machine-chest-press", "cable-chest-press");

    private static final String RELEASE_1_SHA256 =
            "9bc008d4e9ac29e7a72a7f3d28f348bc34af68dae877dd80fa8b5db35ed723ce";

    private static List<ExerciseDefinition> library;
    private static Map<String, ExerciseDefinition> byId;

    @BeforeAll
    static void load() {
        library = GlobalLibrary.load();
        byId = library.stream().collect(Collectors.toMap(ExerciseDefinition::id, Function.identity(), (a, b) -> a));
    }

    @Test
    void theFileIsTheOneItsReleaseNumberStandsFor() throws Exception {
        byte[] file;
        try (InputStream in = GlobalLibrary.class.getClassLoader().getResourceAsStream(GlobalLibrary.RESOURCE)) {
            file = in.readAllBytes();
        }
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        assertEquals(RELEASE_1_SHA256, sha256, "The library file changed: raise GlobalLibrary.RELEASE, so that a "
                + "replica of an older release never undoes it, and put the file's new SHA-256 here");
        assertEquals(1, GlobalLibrary.RELEASE);
    }

    @Test
    void idsAreUniqueSlugsWithoutDots() {
        assertEquals(library.size(), byId.size(), "duplicate ids: " + duplicates(ExerciseDefinition::id));
        assertEquals(List.of(), ids(e -> e.id() == null || !SLUG.matcher(e.id()).matches() || e.id().contains(".")),
                "ids that are not lowercase slugs");
    }

    @Test
    void namesAreUnique() {
        assertEquals(Set.of(), duplicates(e -> String.valueOf(e.name()).trim().toLowerCase()));
    }

    @Test
    void everyFieldIsPresent() {
        assertEquals(List.of(), ids(e -> blank(e.name()) || blank(e.description())), "missing name or description");
        assertEquals(List.of(), ids(e -> e.category() == null || e.movementPattern() == null
                || e.laterality() == null || e.measure() == null), "missing category, pattern, laterality or measure");
        assertEquals(List.of(), ids(e -> e.primaryMuscles().isEmpty()), "no primary muscle");
        assertEquals(List.of(), ids(e -> e.equipment().isEmpty()), "no equipment");
        assertEquals(List.of(), ids(e -> e.cues().isEmpty() || e.cues().stream().anyMatch(GlobalLibraryTest::blank)),
                "no cues or a blank cue");
    }

    @Test
    void unilateralWorkIsCountedPerSide() {
        assertEquals(List.of(), ids(e -> (e.laterality() == Laterality.UNILATERAL) != perSide(e.measure())),
                "laterality and measure disagree");
    }

    @Test
    void releaseAndStretchesAreTimed() {
        assertEquals(List.of(), ids(e -> (e.category() == Category.SELF_MYOFASCIAL_RELEASE
                || e.category() == Category.STRETCH)
                && e.measure() != Measure.SECONDS && e.measure() != Measure.SECONDS_PER_SIDE));
    }

    @Test
    void loadableExactlyWhenEquipmentCarriesLoad() {
        assertEquals(List.of(), ids(e -> e.loadable() != e.equipment().stream().anyMatch(LOAD_CARRYING::contains)));
    }

    @Test
    void everyExerciseTheArticlesNameIsPresent() {
        assertEquals(List.of(), ARTICLE_EXERCISES.stream().filter(id -> !byId.containsKey(id)).toList());
    }

    @Test
    void substitutesAndAddOnsKeepTheirIds() {
        assertEquals(List.of(), SUBSTITUTES_AND_ADD_ONS.stream().filter(id -> !byId.containsKey(id)).toList());
    }

    @Test
    void pullUpBarVerticalPullsContraindicateDepressedShoulders() {
        assertTrue(byId.containsKey("pull-up") && byId.containsKey("chin-up"));
        assertEquals(List.of(), ids(e -> e.movementPattern() == MovementPattern.VERTICAL_PULL
                && e.equipment().contains(Equipment.PULL_UP_BAR)
                && !e.contraindications().contains(Contraindication.DEPRESSED_SHOULDERS)));
    }

    @Test
    void backExtensionContraindicatesExcessiveLumbarCurve() {
        assertTrue(get("back-extension").contraindications().contains(Contraindication.EXCESSIVE_LUMBAR_CURVE));
    }

    @Test
    void childsPoseContraindicatesKneePainButKneeHugDoesNot() {
        assertTrue(get("childs-pose").contraindications().contains(Contraindication.KNEE_PAIN));
        assertFalse(get("knee-hug-stretch").contraindications().contains(Contraindication.KNEE_PAIN));
    }

    @Test
    void wallScoopsSparePainfulShouldersButSideLyingArmCirclesDoNot() {
        assertFalse(get("wall-scoops").contraindications().contains(Contraindication.SHOULDER_PAIN));
        assertTrue(get("side-lying-arm-circles").contraindications().contains(Contraindication.SHOULDER_PAIN));
    }

    @Test
    void rowVariationsCoverEveryToolTheArticleLists() {
        Set<Equipment> covered = EnumSet.noneOf(Equipment.class);
        strength(MovementPattern.HORIZONTAL_PULL).forEach(e -> covered.addAll(e.equipment()));
        assertTrue(covered.containsAll(EnumSet.of(Equipment.DUMBBELL, Equipment.KETTLEBELL, Equipment.BARBELL,
                Equipment.RESISTANCE_BAND, Equipment.CABLE, Equipment.SUSPENSION_TRAINER)), "rows cover " + covered);
    }

    @Test
    void mainPullingPatternsHaveBarbellFreeCableFreeAndHomeOptions() {
        for (MovementPattern pattern : List.of(MovementPattern.HIP_HINGE, MovementPattern.HORIZONTAL_PULL,
                MovementPattern.VERTICAL_PULL, MovementPattern.STRAIGHT_ARM_PULL)) {
            List<ExerciseDefinition> options = strength(pattern);
            assertTrue(options.stream().anyMatch(e -> !e.equipment().contains(Equipment.BARBELL)),
                    pattern + " without a barbell");
            assertTrue(options.stream().anyMatch(e -> !e.equipment().contains(Equipment.CABLE)),
                    pattern + " without a cable");
            assertTrue(options.stream().anyMatch(e -> HOME.containsAll(e.equipment())), pattern + " at home");
        }
    }

    @Test
    void armsAddOnHasFlexionAndExtensionWithNonCableOptions() {
        for (MovementPattern pattern : List.of(MovementPattern.ELBOW_FLEXION, MovementPattern.ELBOW_EXTENSION)) {
            List<ExerciseDefinition> options = strength(pattern);
            assertTrue(options.size() >= 2, pattern + " has " + options.size());
            assertTrue(options.stream().anyMatch(e -> !e.equipment().contains(Equipment.CABLE)),
                    pattern + " without a cable");
        }
    }

    @Test
    void atLeastThreeHorizontalPushes() {
        assertTrue(strength(MovementPattern.HORIZONTAL_PUSH).size() >= 3);
    }

    private static ExerciseDefinition get(String id) {
        ExerciseDefinition exercise = byId.get(id);
        assertNotNull(exercise, id + " is missing");
        return exercise;
    }

    private static List<ExerciseDefinition> strength(MovementPattern pattern) {
        return library.stream()
                .filter(e -> e.category() == Category.STRENGTH && e.movementPattern() == pattern)
                .toList();
    }

    private static List<String> ids(Predicate<ExerciseDefinition> offending) {
        return library.stream().filter(offending).map(ExerciseDefinition::id).toList();
    }

    private static Set<String> duplicates(Function<ExerciseDefinition, String> key) {
        Set<String> seen = new HashSet<>();
        return library.stream().map(key).filter(k -> !seen.add(k)).collect(Collectors.toSet());
    }

    private static boolean perSide(Measure measure) {
        return measure == Measure.REPS_PER_SIDE || measure == Measure.SECONDS_PER_SIDE;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package app.backbone.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.backbone.dashboard.FakeService.Answer;

/**
 * A chain as logging- and program-service would answer for it, in the shapes of their OpenAPI documents, with dates
 * relative to today:
 * <ul>
 * <li>{@code m-alice}: two years of history, three exercises (one record-holding session each), an active program
 * whose next session carries loads, an archived one before it;</li>
 * <li>{@code m-newbie}: a program but no sessions yet;</li>
 * <li>{@code m-erased}: sessions listed, but the progression of its exercise answers 404 (erased meanwhile);</li>
 * <li>{@code m-broken}: logging-service fails (500) on its volume;</li>
 * <li>any other member: unknown (no sessions, no programs).</li>
 * </ul>
 */
public final class Chain {

    public static final String ALICE = "m-alice";
    public static final String NEWBIE = "m-newbie";
    public static final String ERASED = "m-erased";
    public static final String BROKEN = "m-broken";
    public static final String ALICE_PROGRAM = "5b0c3c6e-8a51-4d7e-9a3b-1f2e3d4c5b6a";
    public static final String ALICE_OLD_PROGRAM = "0e9d8c7b-6a59-4837-a615-243342516070";
    public static final String NEWBIE_PROGRAM = "7f6e5d4c-3b2a-4190-8877-665544332211";
    public static final List<String> ALICE_EXERCISES = List.of("romanian-deadlift", "two-handle-cable-row",
            "dumbbell-bench-press");

    private static final Pattern MEMBER = Pattern.compile("/members/([^/]+)/(sessions|volume|records|progression)");
    private static final Pattern PROGRAM = Pattern.compile("/programs/([^/]+)(/next-session)?");
    private static final Pattern MEMBER_PROGRAMS = Pattern.compile("/members/([^/]+)/programs");

    private Chain() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** logging-service's answers. */
    static Answer logging(URI uri) {
        Map<String, String> query = FakeService.query(uri);
        String path = uri.getPath();
        if (path.equals("/q/health/ready")) {
            return Answer.ok(Map.of("status", "UP", "checks", List.of()));
        }
        if (path.equals("/members")) {
            return Answer.ok(members(query));
        }
        Matcher m = MEMBER.matcher(path);
        if (!m.matches()) {
            return Answer.problem(404, "No route " + path);
        }
        String member = m.group(1);
        return switch (m.group(2)) {
            case "sessions" -> Answer.ok(sessions(member, query));
            case "volume" -> member.equals(BROKEN) ? Answer.problem(500, "Database gone")
                    : Answer.ok(volume(member, LocalDate.parse(query.get("from")), LocalDate.parse(query.get("to"))));
            case "records" -> Answer.ok(records(member));
            default -> member.equals(ALICE) && ALICE_EXERCISES.contains(query.get("exerciseId"))
                    ? Answer.ok(progression(member, query.get("exerciseId")))
                    : Answer.problem(404, "Member '" + member + "' has no sessions of '" + query.get("exerciseId")
                            + "'.");
        };
    }

    /** program-service's answers. */
    static Answer program(URI uri) {
        String path = uri.getPath();
        if (path.equals("/q/health/ready")) {
            return Answer.ok(Map.of("status", "UP", "checks", List.of()));
        }
        Matcher list = MEMBER_PROGRAMS.matcher(path);
        if (list.matches()) {
            return Answer.ok(programs(list.group(1)));
        }
        Matcher one = PROGRAM.matcher(path);
        if (one.matches() && (one.group(1).equals(ALICE_PROGRAM) || one.group(1).equals(NEWBIE_PROGRAM))) {
            boolean alice = one.group(1).equals(ALICE_PROGRAM);
            return Answer.ok(one.group(2) == null ? programDetail(one.group(1), alice) : nextSession(one.group(1),
                    alice));
        }
        return Answer.problem(404, "No program " + path);
    }

    private static Map<String, Object> page(List<?> items, int page, int size, long total) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", total);
        return answer;
    }

    /** The chain's members with sessions, newest activity first, as {@code GET /members} filters and pages them. */
    private static Map<String, Object> members(Map<String, String> query) {
        List<String> ids = List.of(ALICE, "m-bob", "M-Carol", "m-dave", ERASED, "m-frank", "m-gina", "m-hal",
                BROKEN, "m-ivy", "m-jo");
        List<Map<String, Object>> all = new ArrayList<>();
        Instant latest = today().atTime(7, 30).toInstant(ZoneOffset.UTC);
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("memberId", ids.get(i));
            member.put("sessions", 40 - 3 * i);
            member.put("firstSessionAt", latest.minusSeconds(86_400L * (400 + i)));
            member.put("lastSessionAt", latest.minusSeconds(86_400L * i * 3 + 600L * i));
            member.put("lastSessionId", "s-" + ids.get(i).toLowerCase(Locale.ROOT) + "-" + (40 - 3 * i));
            all.add(member);
        }
        String q = query.getOrDefault("q", "").toLowerCase(Locale.ROOT);
        Instant since = query.containsKey("activeSince")
                ? LocalDate.parse(query.get("activeSince")).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.EPOCH;
        List<Map<String, Object>> matching = all.stream()
                .filter(m -> ((String) m.get("memberId")).toLowerCase(Locale.ROOT).contains(q))
                .filter(m -> !((Instant) m.get("lastSessionAt")).isBefore(since))
                .toList();
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        int size = Integer.parseInt(query.getOrDefault("size", "50"));
        List<Map<String, Object>> items = matching.stream().skip((long) page * size).limit(size).toList();
        return page(items, page, size, matching.size());
    }

    private static Map<String, Object> sessions(String member, Map<String, String> query) {
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        int size = Integer.parseInt(query.getOrDefault("size", "50"));
        long total = switch (member) {
            case ALICE -> 208;
            case ERASED, BROKEN -> 3;
            default -> 0;
        };
        List<Map<String, Object>> items = new ArrayList<>();
        if (total > 0 && page == 0) {
            Map<String, Object> latest = new LinkedHashMap<>();
            latest.put("sessionId", "s-" + member + "-latest");
            latest.put("memberId", member);
            latest.put("programId", member.equals(ALICE) ? ALICE_PROGRAM : null);
            latest.put("completedAt", today().atTime(7, 30).toInstant(ZoneOffset.UTC));
            items.add(latest);
        }
        return page(items.stream().limit(size).toList(), page, size, total);
    }

    /** One entry per ISO week from the week of {@code from} to the week of {@code to}; zeros but for Alice. */
    private static Map<String, Object> volume(String member, LocalDate from, LocalDate to) {
        List<Map<String, Object>> weeks = new ArrayList<>();
        LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int i = 0; !monday.isAfter(to); i++, monday = monday.plusWeeks(1)) {
            boolean trained = member.equals(ALICE);
            int sessions = trained ? 1 + i % 3 : 0;
            int pull = trained ? 8 + i % 3 : 0;
            int push = trained && i % 4 != 0 ? 4 + i % 2 : 0;
            Map<String, Object> hardSets = new LinkedHashMap<>();
            if (trained) {
                hardSets.put("LATS", new BigDecimal(6 + i % 4));
                hardSets.put("HAMSTRINGS", new BigDecimal("4.5"));
                hardSets.put("BICEPS", new BigDecimal(pull).multiply(new BigDecimal("0.5")));
                if (push > 0) {
                    hardSets.put("PECTORALS", new BigDecimal(push));
                }
            }
            Map<String, Object> week = new LinkedHashMap<>();
            week.put("week", String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            week.put("sessions", sessions);
            week.put("sets", sessions * 12);
            week.put("reps", sessions * 12 * 9);
            week.put("tonnageKg", trained ? new BigDecimal("4200.50").add(new BigDecimal("137.25").multiply(
                    new BigDecimal(i % 5))) : new BigDecimal("0.00"));
            week.put("hardSetsByMuscle", hardSets);
            week.put("sessionsByMuscle", Map.of());
            week.put("pullHardSets", pull);
            week.put("pushHardSets", push);
            week.put("pullPushRatio", push == 0 ? null
                    : new BigDecimal(pull).divide(new BigDecimal(push), 2, RoundingMode.HALF_UP));
            week.put("exercisesWithoutFacts", List.of());
            weeks.add(week);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("memberId", member);
        answer.put("from", weeks.isEmpty() ? null : weeks.get(0).get("week"));
        answer.put("to", weeks.isEmpty() ? null : weeks.get(weeks.size() - 1).get("week"));
        answer.put("weeks", weeks);
        return answer;
    }

    private static Map<String, Object> records(String member) {
        List<Map<String, Object>> exercises = new ArrayList<>();
        List<String> ids = switch (member) {
            case ALICE -> ALICE_EXERCISES;
            case ERASED -> List.of("romanian-deadlift");
            default -> List.of();
        };
        for (String id : ids) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("exerciseId", id);
            entry.put("records", member.equals(ALICE) ? personalRecords(series(id)) : null);
            exercises.add(entry);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("memberId", member);
        answer.put("exercises", exercises);
        return answer;
    }

    /**
     * One exercise's sessions, oldest first: one 200 days ago (outside a 12-week span), then every 4 days over the
     * last 7 weeks, the e1RM climbing with a dip near the end.
     */
    private static List<Map<String, Object>> series(String exerciseId) {
        BigDecimal base = switch (exerciseId) {
            case "romanian-deadlift" -> new BigDecimal("100");
            case "two-handle-cable-row" -> new BigDecimal("60");
            default -> new BigDecimal("26");
        };
        List<Map<String, Object>> series = new ArrayList<>();
        List<Integer> daysAgo = new ArrayList<>(List.of(200));
        for (int d = 48; d >= 0; d -= 4) {
            daysAgo.add(d);
        }
        for (int i = 0; i < daysAgo.size(); i++) {
            LocalDate date = today().minusDays(daysAgo.get(i));
            BigDecimal load = base.add(new BigDecimal("2.5").multiply(new BigDecimal(i == daysAgo.size() - 2
                    ? i - 3 : i)));
            int reps = 8 + i % 3;
            Map<String, Object> topSet = new LinkedHashMap<>();
            topSet.put("loadKg", load.setScale(2));
            topSet.put("reps", reps);
            Map<String, Object> prescription = new LinkedHashMap<>();
            prescription.put("sets", 4);
            prescription.put("repsMin", 8);
            prescription.put("repsMax", 10);
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("sessionId", "s-" + exerciseId + "-" + i);
            point.put("completedAt", date.atTime(18, 0).toInstant(ZoneOffset.UTC));
            point.put("date", date);
            point.put("prescription", prescription);
            point.put("workingSets", 4);
            point.put("fewestReps", reps - 1);
            point.put("topSet", topSet);
            point.put("bestE1rmKg", load.multiply(BigDecimal.ONE.add(new BigDecimal(reps + 2)
                    .divide(new BigDecimal(30), 10, RoundingMode.HALF_UP))).setScale(2, RoundingMode.HALF_UP));
            point.put("tonnageKg", load.multiply(new BigDecimal(4 * reps - (i % 2 == 0 ? 3 : 0))).setScale(2));
            series.add(point);
        }
        return series;
    }

    /** The records of a series: the session with the highest value of each. */
    private static Map<String, Object> personalRecords(List<Map<String, Object>> series) {
        Map<String, Object> records = new LinkedHashMap<>();
        records.put("heaviestLoad", best(series, p -> (BigDecimal) ((Map<?, ?>) p.get("topSet")).get("loadKg")));
        records.put("bestE1rm", best(series, p -> (BigDecimal) p.get("bestE1rmKg")));
        Map<String, Integer> mostReps = new LinkedHashMap<>();
        series.forEach(p -> {
            Map<?, ?> top = (Map<?, ?>) p.get("topSet");
            mostReps.merge(((BigDecimal) top.get("loadKg")).toPlainString(), (Integer) top.get("reps"), Math::max);
        });
        records.put("mostRepsByLoadKg", mostReps);
        records.put("bestSessionTonnage", best(series, p -> (BigDecimal) p.get("tonnageKg")));
        return records;
    }

    private static Map<String, Object> best(List<Map<String, Object>> series,
            java.util.function.Function<Map<String, Object>, BigDecimal> value) {
        Map<String, Object> top = series.stream().max(Comparator.comparing(value)).orElseThrow();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("kg", value.apply(top));
        record.put("sessionId", top.get("sessionId"));
        record.put("completedAt", top.get("completedAt"));
        return record;
    }

    private static Map<String, Object> progression(String member, String exerciseId) {
        List<Map<String, Object>> series = series(exerciseId);
        Map<String, Object> recommendation = new LinkedHashMap<>();
        recommendation.put("exerciseId", exerciseId);
        switch (exerciseId) {
            case "romanian-deadlift" -> {
                recommendation.put("action", "INCREASE");
                recommendation.put("nextLoadKg", new BigDecimal("137.50"));
                recommendation.put("reason", "INCREASE: all 4 working sets reached 10 reps at 132.5 kg last time; "
                        + "next 137.5 kg (+5 kg, hip hinge)");
            }
            case "two-handle-cable-row" -> {
                recommendation.put("action", "HOLD");
                recommendation.put("nextLoadKg", new BigDecimal("92.50"));
                recommendation.put("reason", "HOLD: 3 of 4 working sets reached 10 reps at 92.5 kg; stay there");
            }
            default -> {
                recommendation.put("action", "DELOAD");
                recommendation.put("nextLoadKg", new BigDecimal("52.50"));
                recommendation.put("reason", "DELOAD: a working set fell below 8 reps in each of the last two "
                        + "sessions at 58.5 kg or more; next 52.5 kg (-10%)");
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("memberId", member);
        answer.put("exerciseId", exerciseId);
        answer.put("series", series);
        answer.put("records", personalRecords(series));
        answer.put("recommendation", recommendation);
        return answer;
    }

    private static Map<String, Object> programs(String member) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (member.equals(ALICE)) {
            items.add(summary(ALICE_PROGRAM, member, "HYPERTROPHY", "LATS", "ACTIVE", 30));
            items.add(summary(ALICE_OLD_PROGRAM, member, "STRENGTH", null, "ARCHIVED", 120));
        } else if (member.equals(NEWBIE)) {
            items.add(summary(NEWBIE_PROGRAM, member, "BACK_HEALTH", null, "ACTIVE", 1));
        }
        return page(items, 0, 50, items.size());
    }

    private static Map<String, Object> summary(String id, String member, String goal, String weakPoint,
            String status, int daysAgo) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", id);
        summary.put("memberId", member);
        summary.put("goal", goal);
        summary.put("weakPoint", weakPoint);
        summary.put("status", status);
        summary.put("createdAt", today().minusDays(daysAgo).atTime(9, 0).toInstant(ZoneOffset.UTC));
        return summary;
    }

    private static Map<String, Object> programDetail(String id, boolean alice) {
        Map<String, Object> program = summary(id, alice ? ALICE : NEWBIE, alice ? "HYPERTROPHY" : "BACK_HEALTH",
                alice ? "LATS" : null, "ACTIVE", alice ? 30 : 1);
        program.put("equipment", null);
        program.put("conditions", List.of());
        program.put("sessionsPerWeek", alice ? 2 : 1);
        program.put("includeSuperset", false);
        program.put("includeArms", false);
        program.put("sessions", List.of());
        program.put("substitutions", List.of());
        program.put("notes", List.of());
        program.put("weeks", 4);
        program.put("mobilityFocus", null);
        program.put("armsFocus", null);
        program.put("supersetStart", null);
        program.put("version", 1);
        program.put("cycle", List.of());
        program.put("swaps", List.of());
        return program;
    }

    private static Map<String, Object> nextSession(String id, boolean alice) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(block("WARM_UP", prescription("foam-roller-thoracic-extension", "Thoracic extension over a foam "
                + "roller", 1, 6, 8, null, 0, null, null, "No load for unloaded work")));
        if (alice) {
            blocks.add(block("MAIN", prescription("romanian-deadlift", "Romanian deadlift", 4, 8, 10, null, 120, 2,
                    new BigDecimal("137.50"), "INCREASE: all 4 working sets reached 10 reps at 132.5 kg last time")));
            blocks.add(block("ACCESSORY", prescription("two-handle-cable-row", "Two-handle cable row", 4, 10, 12, null,
                    75, 1, new BigDecimal("92.50"), "HOLD: 3 of 4 working sets reached 10 reps at 92.5 kg")));
        } else {
            blocks.add(block("MAIN", prescription("dumbbell-row", "One-arm dumbbell row", 3, 10, 10, null, 75, 2,
                    null, "No progress learned yet for this member")));
        }
        blocks.add(block("COOL_DOWN", prescription("knee-hug", "Knee hug", 1, null, null, 30, 0, null, null,
                "No load for timed work")));
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("revision", alice ? 1_780_000_000_123L : null);
        progress.put("computedAt", alice ? today().atTime(7, 31).toInstant(ZoneOffset.UTC) : null);
        progress.put("ageSeconds", alice ? 120 : null);
        progress.put("stale", !alice);
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("programId", id);
        next.put("memberId", alice ? ALICE : NEWBIE);
        next.put("week", alice ? 2 : 1);
        next.put("deload", false);
        next.put("sessionIndex", 1);
        next.put("name", "Session A");
        next.put("blocks", blocks);
        next.put("progress", progress);
        next.put("notes", alice ? List.of("Pulling was below twice the pushing over the last four weeks: one "
                + "face-pull accessory added.") : List.of("Nothing learned about this member yet: loads are empty."));
        return next;
    }

    private static Map<String, Object> block(String type, Map<String, Object> prescription) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", type);
        block.put("note", null);
        block.put("prescriptions", List.of(prescription));
        return block;
    }

    private static Map<String, Object> prescription(String exerciseId, String name, int sets, Integer repsMin,
            Integer repsMax, Integer seconds, int rest, Integer rir, BigDecimal load, String reason) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("exerciseId", exerciseId);
        p.put("name", name);
        p.put("sets", sets);
        p.put("setsMax", null);
        p.put("repsMin", repsMin);
        p.put("repsMax", repsMax);
        p.put("seconds", seconds);
        p.put("secondsMax", null);
        p.put("perSide", false);
        p.put("restSeconds", rest);
        p.put("toFailure", false);
        p.put("targetRir", rir);
        p.put("rationale", "From the template");
        p.put("loadKg", load);
        p.put("loadReason", reason);
        return p;
    }
}

package app.backbone.localstack.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.backbone.localstack.HistoryImport;
import app.backbone.localstack.bench.Figure.Target;
import app.backbone.localstack.bench.Figure.Unit;

/**
 * (f) A five-year Strong export of one member (four workouts a week, five exercises of a warm-up and five working
 * sets each: about 31,000 set rows) imported through logging-service's API: seconds from the start of the upload to
 * the import's {@code DONE}, the file checked, mapped and every session stored with its figures.
 */
final class HistoryImportTime {

    private static final List<String> EXERCISES = List.of("Deadlift (Barbell)", "Bench Press (Barbell)",
            "Bent Over Row (Barbell)", "Lat Pulldown (Cable)", "Bicep Curl (Barbell)");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final BenchContext bench;

    HistoryImportTime(BenchContext bench) {
        this.bench = bench;
    }

    void measure() throws IOException, InterruptedException {
        Path file = Files.createTempFile("strong-five-years-", ".csv");
        try {
            long rows = write(file);
            bench.out.printf("(f) importing a five-year Strong file: %,d set rows, %,d bytes%n", rows,
                    Files.size(file));
            ProcessCpu.Window cpu = bench.cpu.window();
            cpu.began();
            long started = System.nanoTime();
            HistoryImport.Outcome outcome = new HistoryImport(URI.create(bench.url("logging-service", "")),
                    bench.token, new PrintStream(OutputStream.nullOutputStream())).run(file, "bench-import-member",
                    Map.of("source", "STRONG", "timeZone", "Europe/Berlin"));
            double seconds = (System.nanoTime() - started) / 1e9;
            cpu.ended();
            if (!outcome.done()) {
                throw new IllegalStateException("the import did not finish: " + outcome.body());
            }
            bench.figures.add(Figure.of("f", "import of a five-year Strong file (" + String.format(Locale.ROOT,
                    "%,d", rows) + " set rows), upload to DONE", Unit.SECONDS, seconds, Target.below(10)));
            bench.details.add(String.format(Locale.ROOT, "(f) %,d set rows in %,d workouts imported in %.1f s "
                    + "(%,.0f rows/s); CPU per set row: %s. %s", rows, outcome.body().path("sessionsStored").asInt(),
                    seconds, rows / seconds, cpu.perUnit(rows), HistoryImport.summary(outcome).replace('\n', ';')));
            bench.out.printf("    %.1f s (%,.0f rows/s)%n", seconds, rows / seconds);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Writes the file; answers its set rows. */
    private static long write(Path file) throws IOException {
        long rows = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
                    + "Workout Notes,RPE\n");
            LocalDate day = LocalDate.of(2021, 1, 4);
            int workout = 0;
            while (day.isBefore(LocalDate.of(2026, 1, 4))) {
                if (day.getDayOfWeek() != DayOfWeek.WEDNESDAY && day.getDayOfWeek().getValue() <= 5) {
                    String date = DATE.format(LocalDateTime.of(day, LocalTime.of(18, 0)));
                    for (int e = 0; e < EXERCISES.size(); e++) {
                        double top = 40 + 10 * e + (workout / 12) * 2.5 % 60;
                        out.write(row(date, EXERCISES.get(e), "W", top / 2, 10, ""));
                        for (int set = 1; set <= 5; set++) {
                            out.write(row(date, EXERCISES.get(e), String.valueOf(set), top, 8 - (workout + set) % 3,
                                    String.valueOf(5 + set)));
                        }
                        rows += 6;
                    }
                    workout++;
                }
                day = day.plusDays(1);
            }
        }
        return rows;
    }

    private static String row(String date, String exercise, String order, double weightKg, int reps, String rpe) {
        return String.format(Locale.ROOT, "%s,Workout,1h 5m,%s,%s,%.1f,%d,0,0,,,%s%n", date, exercise, order,
                weightKg, reps, rpe);
    }
}

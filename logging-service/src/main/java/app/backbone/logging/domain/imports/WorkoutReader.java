package app.backbone.logging.domain.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads a workout history exported by Strong, Hevy or Backbone itself. The constructor reads only the header (after
 * any byte-order mark) and settles the delimiter, the header variant and its language; {@link #read} then streams
 * the rows, never holding the file whole. Line numbers are physical lines of the file, the header being line 1, so
 * a quoted value spanning lines still leaves the following rows with their true line.
 */
public final class WorkoutReader implements AutoCloseable {

    private static final int MAX_HEADER_CHARS = 64 * 1024;
    private static final int SHOWN_CHARS = 200;

    private final ImportOptions options;
    private final BufferedReader reader;
    private final SourceRows rows;
    private final CSVParser parser;
    private Map<String, Long> skipped = Map.of();

    /** Opens a file and reads its header; throws {@link UnreadableFile} when it is no file of the chosen source. */
    public WorkoutReader(InputStream in, ImportOptions options) throws UnreadableFile {
        this.options = options;
        try {
            this.reader = open(in);
            String headerLine = headerLine(reader);
            char delimiter = delimiter(headerLine);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                    .setTrailingData(true).get();
            List<String> header = headerCells(headerLine, format);
            this.rows = recognise(header, delimiter, headerLine);
            this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (CharacterCodingException e) {
            throw new UnreadableFile("expected " + expected(options.source()) + ", found binary data, not UTF-8 text",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the rest, handing each complete workout to {@code workouts} in file order and each unreadable value to
     * {@code errors}; returns the number of data rows read.
     */
    public long read(Consumer<ImportedWorkout> workouts, Consumer<RowError> errors) {
        WorkoutAssembly assembly = new WorkoutAssembly(rows, workouts, errors);
        long line = 2;
        long count = 0;
        try {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long start = line;
                long end = start + lineBreaks(record);
                line = end + 1;
                if (blank(record)) {
                    continue;
                }
                if (binary(record)) {
                    throw new UnreadableFile("expected " + expected(options.source()) + ", found binary data at line "
                            + start);
                }
                count++;
                assembly.add(new Cells(record), start, end);
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new UnreadableFile("expected " + expected(options.source())
                        + ", found binary data, not UTF-8 text, after line " + (line - 1), e);
            }
            if (!(e.getCause() instanceof CSVException)) {
                throw e;
            }
            errors.accept(new RowError(line, null, "the rest of the file is no CSV: " + e.getCause().getMessage()));
        }
        assembly.finish();
        skipped = Collections.unmodifiableMap(assembly.skipped());
        return count;
    }

    public ImportSource source() {
        return options.source();
    }

    /** The header variant, e.g. {@code strong-comma-en}, {@code strong-semicolon-de}, {@code hevy-imperial}. */
    public String variant() {
        return rows.variant();
    }

    /** Rows read that are no sets (rest timers, notes, distance-only cardio); known after {@link #read}. */
    public long skippedRows() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@link #skippedRows()} by reason ({@code rest timer}, {@code note}, {@code distance only}). */
    public Map<String, Long> skippedByReason() {
        return skipped;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedReader open(InputStream in) throws IOException {
        BOMInputStream bom = BOMInputStream.builder().setInputStream(in)
                .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
        Charset charset = bom.hasBOM() ? Charset.forName(bom.getBOMCharsetName()) : StandardCharsets.UTF_8;
        return new BufferedReader(new InputStreamReader(bom, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    private String headerLine(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) >= 0 && c != '\n') {
            if (line.length() == MAX_HEADER_CHARS) {
                throw unreadable("a first line of more than " + MAX_HEADER_CHARS + " characters");
            }
            line.append((char) c);
        }
        String header = line.toString().strip();
        if (header.isEmpty()) {
            throw unreadable(c < 0 && line.isEmpty() ? "an empty file" : "an empty first line");
        }
        if (header.chars().anyMatch(WorkoutReader::isBinary)) {
            throw unreadable("binary data");
        }
        return header;
    }

    private static char delimiter(String headerLine) {
        long commas = 0;
        long semicolons = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private List<String> headerCells(String headerLine, CSVFormat format) throws IOException {
        try (CSVParser header = CSVParser.parse(headerLine, format)) {
            return header.getRecords().get(0).stream().map(String::strip).toList();
        } catch (UncheckedIOException e) {
            throw unreadable("a first line that is no CSV: " + shown(headerLine));
        }
    }

    private SourceRows recognise(List<String> header, char delimiter, String headerLine) {
        Optional<SourceRows> strong = StrongHeader.recognise(header)
                .map(found -> new StrongRows(found, delimiter, options, header));
        Optional<SourceRows> hevy = HevyRows.recognise(header, options).map(SourceRows.class::cast);
        Optional<SourceRows> backbone = BackboneRows.recognise(header).map(SourceRows.class::cast);
        Optional<SourceRows> chosen = switch (options.source()) {
            case STRONG -> strong;
            case HEVY -> hevy;
            case BACKBONE -> backbone;
        };
        if (chosen.isPresent()) {
            return chosen.get();
        }
        for (var other : List.of(Map.entry(ImportSource.STRONG, strong), Map.entry(ImportSource.HEVY, hevy),
                Map.entry(ImportSource.BACKBONE, backbone))) {
            if (other.getValue().isPresent()) {
                throw unreadable("a header that looks like a " + name(other.getKey()) + " export: "
                        + shown(headerLine));
            }
        }
        throw unreadable("the first line " + shown(headerLine));
    }

    private UnreadableFile unreadable(String found) {
        return new UnreadableFile("expected " + expected(options.source()) + ", found " + found);
    }

    private static String expected(ImportSource source) {
        return switch (source) {
            case STRONG -> "a Strong export with the header 'Date,Workout Name,Duration,Exercise Name,Set Order,"
                    + "Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE' (or its ';' or localised variants)";
            case HEVY -> "a Hevy export with the header '" + String.join(",", HevyRows.METRIC)
                    + "' (or weight_lbs, distance_miles)";
            case BACKBONE -> "a Backbone export with the header '" + String.join(",", BackboneRows.HEADER) + "'";
        };
    }

    private static String name(ImportSource source) {
        return switch (source) {
            case STRONG -> "Strong";
            case HEVY -> "Hevy";
            case BACKBONE -> "Backbone";
        };
    }

    private static String shown(String text) {
        return "'" + (text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "…" : text) + "'";
    }

    private static boolean isBinary(int c) {
        return c == 0xFFFD || (c < 0x20 && c != '\t' && c != '\r' && c != '\n');
    }

    private static boolean blank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static boolean binary(CSVRecord record) {
        return record.stream().anyMatch(value -> value.chars().anyMatch(WorkoutReader::isBinary));
    }

    /** Line breaks inside the record's quoted values: CRLF, LF or a lone CR each count once. */
    private static long lineBreaks(CSVRecord record) {
        long breaks = 0;
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }
}

package app.backbone.catalog.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The global exercise library shipped with this release, read from {@value #RESOURCE}. */
public final class GlobalLibrary {

    /** Class-path location of the library file. */
    public static final String RESOURCE = "library/global-exercises.json";

    /**
     * The library file's release number, raised with every change to the file. A start-up finding a higher number
     * stored (a newer release ran against the same database) leaves the stored library as it is.
     */
    public static final int RELEASE = 1;

    private GlobalLibrary() {
    }

    /** Every global exercise of this release, in file order. */
    public static List<ExerciseDefinition> load() {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = GlobalLibrary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return mapper.readValue(in, new TypeReference<List<ExerciseDefinition>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + RESOURCE, e);
        }
    }
}

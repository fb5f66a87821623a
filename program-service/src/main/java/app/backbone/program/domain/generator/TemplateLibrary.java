package app.backbone.program.domain.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.program.domain.Goal;

/**
 * The program templates the generator can use, at most one per goal. The default set is read from the class path:
 * {@value #INDEX} lists the template files of the {@code templates/} folder.
 */
public final class TemplateLibrary {

    /** Class-path location of the list of default template files. */
    public static final String INDEX = "templates/index.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<ProgramTemplate> templates;
    private final Map<Goal, ProgramTemplate> byGoal = new EnumMap<>(Goal.class);

    public TemplateLibrary(List<ProgramTemplate> templates) {
        this.templates = List.copyOf(templates);
        for (ProgramTemplate template : this.templates) {
            for (Goal goal : template.goals()) {
                ProgramTemplate other = byGoal.putIfAbsent(goal, template);
                if (other != null) {
                    throw new IllegalArgumentException("templates " + other.id() + " and " + template.id()
                            + " both serve " + goal);
                }
            }
        }
    }

    /** The templates shipped with this service. */
    public static TemplateLibrary loadDefault() {
        List<String> files = readResource(INDEX, new TypeReference<List<String>>() {
        });
        return new TemplateLibrary(files.stream().map(file -> readResource("templates/" + file,
                new TypeReference<ProgramTemplate>() {
                })).toList());
    }

    /** Reads one template from JSON; a malformed or inconsistent template is refused with the reason. */
    public static ProgramTemplate read(InputStream json) throws IOException {
        return MAPPER.readValue(json, ProgramTemplate.class);
    }

    public Optional<ProgramTemplate> forGoal(Goal goal) {
        return Optional.ofNullable(byGoal.get(goal));
    }

    public List<ProgramTemplate> templates() {
        return templates;
    }

    private static <T> T readResource(String resource, TypeReference<T> type) {
        try (InputStream in = TemplateLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable template resource " + resource + ": " + e.getMessage(), e);
        }
    }
}

package app.backbone.catalog.messaging;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.testsupport.TopicReader;

/** What {@value CatalogTopics#EXERCISES} holds for one exercise, read from the beginning up to the topic's end. */
public final class PublishedStates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishedStates() {
    }

    /** Every state published for {@code exerciseId} up to now, in order. */
    public static List<JsonNode> of(String exerciseId) {
        return byExercise().getOrDefault(exerciseId, List.of());
    }

    /** Every state published up to now, by exercise id, each exercise's in order. */
    public static Map<String, List<JsonNode>> byExercise() {
        return TopicReader.readToEnd(CatalogTopics.EXERCISES).stream().collect(Collectors.groupingBy(
                ConsumerRecord::key, Collectors.mapping(r -> read(r.value()), Collectors.toList())));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }
}

package app.backbone.testsupport;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/** The field names a JSON Schema documents and a record declares, for contract tests that hold them in step. */
public final class SchemaFields {

    private SchemaFields() {
    }

    /** The {@code properties} of an object schema. */
    public static Set<String> documented(JsonNode objectSchema) {
        Set<String> names = new HashSet<>();
        objectSchema.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The components of a record. */
    public static Set<String> declared(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
    }
}

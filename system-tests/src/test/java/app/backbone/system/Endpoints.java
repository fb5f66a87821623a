package app.backbone.system;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The operations each service documents in its OpenAPI document, so that tests cover new ones by themselves. */
public final class Endpoints {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private Endpoints() {
    }

    /**
     * One documented operation.
     *
     * @param service   the module that serves it
     * @param roles     the roles the document says may call it
     * @param operation the operation as documented
     * @param document  the whole OpenAPI document, for the schemas the operation refers to
     */
    public record Endpoint(String service, String method, String path, List<String> roles, JsonNode operation,
            JsonNode document) {

        /** How tests name it: {@code POST /programs/{id}/sessions}. */
        public String key() {
            return method + " " + path;
        }
    }

    /** Every operation of every service, read from {@code /q/openapi?format=json}. */
    public static List<Endpoint> of(SystemStack stack) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String service : List.of(SystemStack.CATALOG, SystemStack.PROGRAM, SystemStack.LOGGING,
                SystemStack.WEBHOOK)) {
            JsonNode document = stack.api().get(stack.url(service) + "/q/openapi?format=json").send().expect(200)
                    .json();
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (String method : METHODS) {
                    JsonNode operation = path.getValue().get(method);
                    if (operation != null) {
                        endpoints.add(new Endpoint(service, method.toUpperCase(), path.getKey(), roles(operation),
                                operation, document));
                    }
                }
            }
        }
        return endpoints;
    }

    private static List<String> roles(JsonNode operation) {
        List<String> roles = new ArrayList<>();
        for (JsonNode requirement : operation.path("security")) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(r -> roles.add(r.asText())));
        }
        return roles;
    }
}

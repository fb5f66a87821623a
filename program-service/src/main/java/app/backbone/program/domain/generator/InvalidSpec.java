package app.backbone.program.domain.generator;

import java.util.List;

/** A request the rules cannot serve, naming the field at fault and, where there are few, the values it may take. */
public class InvalidSpec extends IllegalArgumentException {

    private final String field;
    private final List<String> allowed;

    public InvalidSpec(String field, String message, List<String> allowed) {
        super(message);
        this.field = field;
        this.allowed = List.copyOf(allowed);
    }

    public String field() {
        return field;
    }

    /** The values the field may take; empty when they are too many to list or not a closed set. */
    public List<String> allowed() {
        return allowed;
    }
}

package app.backbone.logging.domain.imports;

/**
 * Thrown at once when the input is not a file of the chosen source at all: not CSV, binary, an unknown header or
 * empty. The message says what was expected and what was found.
 */
public class UnreadableFile extends RuntimeException {

    public UnreadableFile(String message) {
        super(message);
    }

    public UnreadableFile(String message, Throwable cause) {
        super(message, cause);
    }
}

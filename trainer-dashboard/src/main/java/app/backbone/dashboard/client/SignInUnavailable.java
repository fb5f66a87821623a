package app.backbone.dashboard.client;

/** No token to call the services with: local-only mode's token file cannot be read. */
public class SignInUnavailable extends RuntimeException {

    public SignInUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

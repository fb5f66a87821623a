package app.backbone.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Starts a fake logging-service and program-service answering {@link Chain}'s data, once for all tests, and points
 * the dashboard at them.
 */
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    private FakeService logging;
    private FakeService program;

    @Override
    public Map<String, String> start() {
        try {
            logging = new FakeService(Chain::logging);
            program = new FakeService(Chain::program);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("backbone.dashboard.logging-url", logging.url(),
                "backbone.dashboard.program-url", program.url());
    }

    @Override
    public void stop() {
        if (logging != null) {
            logging.close();
        }
        if (program != null) {
            program.close();
        }
    }
}

package app.backbone.system;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one {@link SystemStack} of the run: started on first use and kept in the root store, which
 * closes it after the last test. After each test it brings back what the test left stopped.
 */
public final class StackExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        SystemStack stack = context.getRoot().getStore(NAMESPACE).get(SystemStack.class, SystemStack.class);
        if (stack != null) {
            List<String> healed = stack.heal();
            if (!healed.isEmpty()) {
                System.out.println(context.getDisplayName() + " left stopped, now started again: " + healed);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SystemStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(SystemStack.class, type -> {
            Awaitility.setDefaultPollInterval(Duration.ofMillis(250));
            try {
                return SystemStack.start();
            } catch (Exception e) {
                throw new IllegalStateException("The system stack did not start", e);
            }
        }, SystemStack.class);
    }
}

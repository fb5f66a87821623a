package app.backbone.webhook.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import app.backbone.webhook.domain.TargetGuard;

/**
 * The one {@link TargetGuard} subscriptions and attempts are checked with, resolving names with the JVM's resolver
 * unless a test puts another resolver in its place.
 */
public class Targets {

    @Produces
    @ApplicationScoped
    TargetGuard.Resolver resolver() {
        return TargetGuard.Resolver.SYSTEM;
    }

    @Produces
    @Singleton
    TargetGuard guard(WebhookConfig config, TargetGuard.Resolver resolver) {
        return new TargetGuard(config.allowPrivateTargets(), resolver);
    }
}

package app.backbone.webhook.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** webhook-service settings under {@code backbone.webhooks}. */
@ConfigMapping(prefix = "backbone.webhooks")
public interface WebhookConfig {

    /**
     * Whether subscriptions may target loopback, private and link-local addresses, and plain {@code http}: for the
     * local stack and tests only. Cloud metadata addresses are refused regardless.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /**
     * Base64 of the 256-bit AES key the signing secrets are encrypted with, so that a database dump alone cannot
     * sign. No default outside the dev and test profiles: a deployment must give one.
     */
    String secretKey();

    /** How deliveries are sent. */
    Delivery delivery();

    /** How long a delivery that ended (DELIVERED or FAILED) is kept, with its attempts, before it is deleted. */
    @WithDefault("P30D")
    Duration retention();

    /**
     * How long the id of a handled event is kept, by which an event read again is not delivered again: longer than
     * the consumed topics keep a record.
     */
    @WithDefault("P30D")
    Duration processedEventRetention();

    /** How old deliveries and event ids are deleted. */
    Cleanup cleanup();

    /** How the consumed topics are created when they do not exist. */
    Topics topics();

    interface Cleanup {
        /** How often the deletion runs. */
        @WithDefault("1h")
        Duration interval();

        /** Rows deleted in one transaction. */
        @WithDefault("500")
        int batchSize();
    }

    interface Topics {
        @WithDefault("4")
        int partitions();

        /** How long {@code members.erased} keeps a record: it names the erased member. */
        @WithDefault("P7D")
        Duration erasedRetention();
    }

    interface Delivery {
        /** How often due deliveries are taken. */
        @WithDefault("200ms")
        Duration interval();

        /** Sends in flight at once, over all subscriptions. */
        @WithDefault("16")
        int concurrency();

        /** Sends in flight at once to one subscription, so that a slow endpoint holds up only its own. */
        @WithDefault("2")
        int perSubscription();

        @WithDefault("5s")
        Duration connectTimeout();

        /** Until the whole answer (its first bytes, up to the excerpt) has come. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** The wait after the first failed attempt, doubled after each further one. */
        @WithDefault("5s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** How long a delivery is retried before it is given up as FAILED. */
        @WithDefault("24h")
        Duration giveUpAfter();

        /** How many characters of an answer each attempt keeps. */
        @WithDefault("1024")
        int responseExcerpt();
    }
}

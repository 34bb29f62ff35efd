package fr.academie.colibris.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Where Colibris sends people, and how its notifications are retried. */
@ConfigMapping(prefix = "colibris")
public interface ColibrisConfig {

    /** The portal's address as people reach it: the links in notifications point there. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** mail-service's base URL: the notifications' destination (the REST client's URL is this). */
    String mailUrl();

    /** The notification outbox. */
    Outbox outbox();

    interface Outbox {

        /** How often the relay looks for notifications to deliver (the scheduler reads it as written). */
        @WithDefault("2s")
        String every();

        /** Wait before the first retry of a notification mail-service did not take; doubled at each attempt. */
        @WithDefault("5s")
        Duration retryDelay();

        /** The longest wait between two attempts: a notification is retried until it is delivered. */
        @WithDefault("10m")
        Duration maxDelay();
    }
}

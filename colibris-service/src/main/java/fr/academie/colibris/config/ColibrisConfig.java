package fr.academie.colibris.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;

/** Where Colibris sends people, how its notifications are retried, and the campaigns' grace after an outage. */
@ConfigMapping(prefix = "colibris")
public interface ColibrisConfig {

    /** The portal's address as people reach it: the links in notifications point there. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** mail-service's base URL: the notifications' destination (the REST client's URL is this). */
    String mailUrl();

    /** The notification outbox. */
    Outbox outbox();

    /** How long each kind of record is kept (no defaults: the configuration states them all). */
    Kept retention();

    interface Kept {

        /** A draft nobody touched since. */
        Period drafts();

        /** A request its owner withdrew, from its withdrawal. */
        Period withdrawn();

        /** An approved or refused request, with its history, exchanges, opinions and files, from its last change. */
        Period decided();

        /** A notification once mail-service has it (the message itself is in the mailbox). */
        Period notifications();

        /** A delegation, from its last day (or its revocation). */
        Period delegations();

        /** A change of a campaign's closing (by HR, or automatic after an outage). */
        Period campaignChanges();
    }

    /** The automatic grace of campaigns after the service was down. */
    Grace grace();

    interface Grace {

        /** Whether an outage in a campaign's last days extends it by itself (HR can always extend by hand). */
        @WithDefault("true")
        boolean enabled();

        /** How often each instance beats (the scheduler reads it as written). */
        @WithDefault("30s")
        String heartbeat();

        /** A gap between two beats at least this long is an outage; shorter ones (a restart) are not. */
        @WithDefault("10m")
        Duration minGap();

        /** How close to its closing an outage must fall to be given back to a campaign. */
        @WithDefault("P3D")
        Duration lastDays();
    }

    /** The reminders of the steps' deadlines to whoever decides them. */
    Reminders reminders();

    interface Reminders {

        /** How often due reminders are looked for (the scheduler reads it as written). */
        @WithDefault("15m")
        String every();

        /** How long before a step's deadline the first reminder goes. */
        @WithDefault("P2D")
        Duration before();
    }

    interface Outbox {

        /** How often the relay looks for notifications to deliver (the scheduler reads it as written). */
        @WithDefault("2s")
        String every();

        /** How many calls (to mail-service, to the directory) the relay makes at once. */
        @WithDefault("2")
        int parallel();

        /** Wait before the first retry of a notification mail-service did not take; doubled at each attempt. */
        @WithDefault("5s")
        Duration retryDelay();

        /** The longest wait between two attempts: a notification is retried until it is delivered. */
        @WithDefault("10m")
        Duration maxDelay();
    }
}

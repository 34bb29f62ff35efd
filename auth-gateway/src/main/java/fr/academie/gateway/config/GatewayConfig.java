package fr.academie.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/** Where the gateway relays {@code /api/<service>/**}, how long it waits, and how much it lets one caller ask. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    URI mailUrl();

    URI iprofUrl();

    URI colibrisUrl();

    /** The portal's address as people reach it: links in the messages the gateway sends. */
    URI publicUrl();

    /** How long a relayed call may stay silent before the person is told the service is unavailable. */
    @WithDefault("PT30S")
    Duration idleTimeout();

    RateLimits rateLimit();

    /** Where "Contacter l'assistance" sends a request: the help desk's mailbox (through the outbound relay). */
    @WithDefault("assistance@ac-orleans-tours.fr")
    String supportAddress();

    Alerts alerts();

    MailClients mailClients();

    Sessions sessions();

    /** The people's sessions, kept in the gateway's database (any replica serves any session). */
    interface Sessions {

        /** A random secret (32 characters at least) whose hash encrypts the tokens at rest; no default: from a Secret. */
        String secret();

        /** Secrets of before a rotation, still accepted to read the sessions they encrypted (10 hours at most). */
        Optional<List<String>> previousSecrets();

        /**
         * How long a replica serves a session from its memory before reading it again: the delay within which a
         * sign-out received by another replica (back-channel logout) reaches this one.
         */
        @WithDefault("PT1S")
        Duration remembered();
    }

    /** How long each kind of record is kept (no defaults: the configuration states them all). */
    Kept retention();

    interface Kept {

        /** The administrators' audit log. */
        Period audit();

        /** A request for one's data ("Mes données"), from when it was made; its archive goes long before. */
        Period dataRequests();
    }

    /**
     * Where mail clients find the académie's mailbox (what autoconfig, autodiscover and the Apple profile tell them):
     * IMAP and SMTP submission, each with implicit TLS (what they are given first) and with STARTTLS.
     */
    interface MailClients {

        @WithDefault("ac-orleans-tours.fr")
        String domain();

        @WithDefault("imap.ac-orleans-tours.fr")
        String imapHost();

        @WithDefault("993")
        int imapPort();

        @WithDefault("143")
        int imapStartTlsPort();

        @WithDefault("smtp.ac-orleans-tours.fr")
        String smtpHost();

        @WithDefault("465")
        int smtpPort();

        @WithDefault("587")
        int smtpStartTlsPort();

        /** The realm as mail clients reach it, for OAuth 2 (its public client {@code messagerie}). */
        @WithDefault("https://auth.ac-orleans-tours.fr/realms/ac-orleans-tours")
        URI oauthIssuer();
    }

    /** The security alerts the gateway drops in people's mailboxes. */
    interface Alerts {

        /** How often pending alerts are read from Keycloak's journal and delivered. */
        @WithDefault("PT15S")
        Duration every();

        /** When the password-expiry reminders go out (a Quartz-style cron, Europe/Paris). */
        @WithDefault("0 0 7 * * ?")
        String passwordReminders();
    }

    /**
     * Token buckets: a caller may spend {@code requests} at once, and gets them back evenly over {@code per}.
     * A school's staff share one public address, so the per-address limits are generous; the per-account
     * limit is the tight one. Password guessing per identifier is Keycloak's brute-force detector's job.
     */
    interface RateLimits {

        /** Sign-in starts (a visit that would be sent to Keycloak) per client address. */
        @WithDefault("60/PT1M")
        Limit signInPerAddress();

        /** {@code /api/**} calls per client address. */
        @WithDefault("1200/PT1M")
        Limit apiPerAddress();

        /** {@code /api/**} calls per signed-in account. */
        @WithDefault("300/PT1M")
        Limit apiPerAccount();
    }

    /** {@code <requests>/<ISO-8601 duration>}, e.g. {@code 60/PT1M}. */
    record Limit(int requests, Duration per) {

        public Limit {
            if (requests < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a limit needs at least one request over a positive duration");
            }
        }

        /** Read from configuration by SmallRye Config (a static {@code of} method is a converter). */
        public static Limit of(String value) {
            String[] parts = value.trim().split("/", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected <requests>/<ISO-8601 duration>, got " + value);
            }
            return new Limit(Integer.parseInt(parts[0].trim()), Duration.parse(parts[1].trim()));
        }
    }
}

package fr.academie.mail.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** The mailbox's limits, and how mail leaves it. */
@ConfigMapping(prefix = "mail")
public interface MailConfig {

    /** The certificate of the mail clients' doors (IMAP, submission, ManageSieve) in Quarkus' TLS registry. */
    String CLIENTS_TLS = "mail-clients";

    /** Quota of a new mailbox (existing mailboxes keep theirs). */
    @WithDefault("1G")
    MemorySize quota();

    /** Where browsers reach this service's API (through the gateway): the addresses of a message's inline images. */
    @WithDefault("/api/mail")
    String publicPath();

    /** Largest message accepted whole (an imported .eml, a delivered message), headers and encoding included. */
    @WithDefault("50M")
    MemorySize maxMessageSize();

    /** The académie's mail domain: its addresses are delivered here, the others go through the relay. */
    @WithDefault("ac-orleans-tours.fr")
    String domain();

    /** Whether the address is one of the académie's (delivered here, never through the relay). */
    default boolean isAcademie(String address) {
        return address.toLowerCase(Locale.ROOT).endsWith("@" + domain());
    }

    /** Writing: undo send, attachments. */
    Sending sending();

    /** The outbound SMTP relay's retries. */
    Relay relay();

    /** Search. */
    Search search();

    /** The MX: mail from the internet for the académie's addresses. */
    Mx mx();

    Imap imap();

    Submission submission();

    /** ManageSieve: the rules edited from mail programs. */
    ManageSieve managesieve();

    /** The DNS that SPF, DKIM and DMARC ask. */
    Dns dns();

    /** Forwarding by the rules: the académie's charter, and how loops stop. */
    Forwarding forwarding();

    /** How long each kind of record is kept (no defaults: the configuration states them all). */
    Kept retention();

    interface Kept {

        /** A message in the trash, from when it was put there; then deleted for good, its bytes back to the quota. */
        Period trash();

        /** A message in Indésirables, likewise. */
        Period junk();

        /** The journal of forwarding changes (who set a forward to where, when). */
        Period forwardingJournal();

        /** A revoked application password (when, why), from its revocation. */
        Period revokedAppPasswords();

        /** Whom an auto-reply was sent to (so as not to answer twice within the interval), from the reply. */
        Period autoReplyRecipients();

        /** The receipt of a notification (its key, so that a retry is not delivered twice). */
        Period notificationReceipts();
    }

    /**
     * The weight of warnings from which mail from the internet goes to Indésirables (a failed authentication or a
     * look-alike domain weigh 3, a deceptive name or link 2, a first message from an address 1).
     */
    @WithDefault("4")
    int junkThreshold();

    /** The académie mailbox of the security team, where "Signaler un hameçonnage" sends what was reported. */
    @WithDefault("signalement-hameconnage@ac-orleans-tours.fr")
    String phishingReportsTo();

    interface Sending {

        /** How long a sent message waits before it leaves ("annuler" brings it back meanwhile). */
        @WithDefault("10s")
        Duration undoDelay();

        /** The attachments of one message together. */
        @WithDefault("25M")
        MemorySize maxAttachments();
    }

    interface Relay {

        /** Wait before the first retry; doubled at each attempt. */
        @WithDefault("1m")
        Duration retryDelay();

        /** Attempts before the sender is told the message could not be delivered. */
        @WithDefault("8")
        int attempts();
    }

    interface Search {

        /**
         * How many of the newest matches of a search are ranked by relevance; older ones follow by date. Ranking
         * every match of a common word (most of a 100,000-message mailbox) took 400 ms: the newest are found by
         * walking the owner's or folder's date index, a rare word's few matches by the full-text index.
         */
        @WithDefault("1000")
        int ranked();
    }

    interface Mx {

        /** Whether the MX listens (off for a replica that only serves the API). */
        @WithDefault("true")
        boolean enabled();

        /** The address it listens on: loopback on a workstation, every interface in a pod. */
        @WithDefault("127.0.0.1")
        String bind();

        /** Its port: 25 in production; 2526 in the local stack (2525 is the outbound sink). */
        @WithDefault("2526")
        int port();

        /** The name it greets with and writes in its Received: and Authentication-Results: headers. */
        @WithDefault("mx.ac-orleans-tours.fr")
        String hostName();

        /** Connections at once, in all and from one address (more are refused with a 421). */
        @WithDefault("500")
        int maxConnections();

        @WithDefault("20")
        int maxConnectionsPerAddress();

        /**
         * Threads that serve the MX's connections. The SMTP stack runs its hooks on them, and a message's checks and
         * delivery wait on the DNS and the database there: more threads than cores, so that waiting ones do not stall
         * the others (James' default, twice the cores, held reception at 4 messages in flight here).
         */
        @WithDefault("16")
        int workerThreads();

        /** Messages one address may begin in a minute (more are told to wait: 451 4.7.0). */
        @WithDefault("120")
        int messagesPerMinute();

        /** A client silent for that long is disconnected. */
        @WithDefault("5m")
        Duration idleTimeout();

        /**
         * How long a received message is remembered by its content, so that the same bytes sent again (a retry after
         * a 250 that the sender never got) are not stored twice: longer than a sending server's retries (RFC 5321
         * suggests giving up after 4 to 5 days).
         */
        @WithDefault("5d")
        Duration duplicateWindow();

        /**
         * How long a full mailbox is refused for now (452 4.2.2: the sender's server keeps the message and retries)
         * before it is refused for good (552 5.2.2: the sender is told at once rather than days later).
         */
        @WithDefault("1d")
        Duration fullRefusedForGoodAfter();
    }

    /** IMAP for desktop and phone clients (fr.academie.mail.imap). */
    /** SMTP submission (RFC 6409) for mail clients: what they send, as the web page sends. */
    interface Submission {

        /** Whether it listens: the local stack and the tests turn it on; it needs a certificate (passwords travel). */
        @WithDefault("false")
        boolean enabled();

        /** The address it listens on: loopback on a workstation, every interface in a pod. */
        @WithDefault("127.0.0.1")
        String bind();

        /** Its port, with STARTTLS: 587 in production; 1587 in the local stack; a free one in tests (0). */
        @WithDefault("1587")
        int port();

        /** The port of implicit TLS (465 in production), when one is wanted. */
        OptionalInt implicitTlsPort();

        /** The name it greets with. */
        @WithDefault("smtp.ac-orleans-tours.fr")
        String hostName();

        /** Messages one person may send in a minute (more are told to wait: 451 4.7.0): a stolen password sends little. */
        @WithDefault("30")
        int messagesPerMinute();

        /** Recipients of one message at most, as the web page's To, Cc and Bcc together (more: 452 4.5.3). */
        @WithDefault("600")
        int maxRecipients();
    }

    interface Imap {

        /** Whether it listens: the local stack and the tests turn it on; Kubernetes when its Service is there. */
        @WithDefault("false")
        boolean enabled();

        /** The address it listens on: loopback on a workstation, every interface in a pod. */
        @WithDefault("127.0.0.1")
        String bind();

        /** Its port: 143 (STARTTLS) in production; 1143 in the local stack; a free one in tests (0). */
        @WithDefault("1143")
        int port();

        /** The port of implicit TLS (993 in production), when one is wanted and a certificate is configured. */
        OptionalInt implicitTlsPort();

        /** The name it greets with. */
        @WithDefault("imap.ac-orleans-tours.fr")
        String hostName();
    }

    interface ManageSieve {

        /** Whether it listens: the local stack and the tests turn it on; it needs a certificate (passwords travel). */
        @WithDefault("false")
        boolean enabled();

        /** The address it listens on: loopback on a workstation, every interface in a pod. */
        @WithDefault("127.0.0.1")
        String bind();

        /** Its port, with STARTTLS (RFC 5804 has no implicit TLS): 4190 in production; 14190 locally; 0 in tests. */
        @WithDefault("14190")
        int port();

        /** How long a connection may say nothing before it is closed. */
        @WithDefault("30m")
        Duration idleTimeout();
    }

    interface Dns {

        /**
         * The resolver to ask, {@code host:port} (the local stack's and the tests' stub); absent, the machine's own
         * resolvers ({@code /etc/resolv.conf}).
         */
        Optional<String> server();

        /** How long an answer is waited for: past it the check is a temporary error, and the sender retries. */
        @WithDefault("5s")
        Duration timeout();
    }

    interface Forwarding {

        /** What the charter allows outside the académie (inside it, forwarding is always allowed). */
        enum External {
            /** To any address, once the person has accepted the charter's text (to the allowed domains without). */
            CHARTER,
            /** Only to the allowed domains. */
            DOMAINS,
            /** Never outside the académie. */
            FORBIDDEN
        }

        @WithDefault("charter")
        External external();

        /** Domains outside the académie that forwards may always reach (their subdomains too). */
        @WithDefault("education.gouv.fr")
        List<String> allowedDomains();

        /** The version of the charter's text a person accepts (a new version asks her again). */
        @WithDefault("2026-09")
        String charterVersion();

        /**
         * The secret that signs the rewritten envelope senders of forwards outside the académie (SRS): a bounce comes
         * back only to an address this server wrote. Given by the stack, the tests, or Kubernetes' Secret mail-srs.
         */
        String srsSecret();

        /** A message whose header already has that many Received: fields is not forwarded again (a loop). */
        @WithDefault("30")
        int maxHops();

        /** How long the forwarding of a message to an address is remembered: the same message again is a loop. */
        @WithDefault("5d")
        Duration remembered();
    }
}

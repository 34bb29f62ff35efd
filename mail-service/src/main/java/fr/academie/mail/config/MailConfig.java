package fr.academie.mail.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The mailbox's limits. */
@ConfigMapping(prefix = "mail")
public interface MailConfig {

    /** Quota of a new mailbox (existing mailboxes keep theirs). */
    @WithDefault("1G")
    MemorySize quota();

    /** Where browsers reach this service's API (through the gateway): the addresses of a message's inline images. */
    @WithDefault("/api/mail")
    String publicPath();

    /** Largest message accepted whole (an imported .eml, a delivered message), headers and encoding included. */
    @WithDefault("50M")
    MemorySize maxMessageSize();
}

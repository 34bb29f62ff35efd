package fr.academie.mail.forwarding;

import fr.academie.mail.config.MailConfig.Forwarding.External;

import java.time.Instant;
import java.util.List;

/**
 * What the charter allows (outside the académie: CHARTER, DOMAINS or FORBIDDEN; the domains always allowed), the
 * charter's text and version, and when the person accepted it (null: not this version).
 */
public record ForwardingView(External external, List<String> allowedDomains, Charter charter) {

    public record Charter(String version, String text, Instant acceptedAt, String acceptedWhen) {
    }
}

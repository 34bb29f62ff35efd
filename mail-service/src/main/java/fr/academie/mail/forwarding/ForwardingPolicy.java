package fr.academie.mail.forwarding;

import fr.academie.mail.config.MailConfig;
import fr.academie.mail.config.MailConfig.Forwarding.External;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.Locale;
import java.util.Optional;

/**
 * The académie's charter for forwarding (configuration {@code mail.forwarding.*}): inside the académie always; outside
 * it to the allowed domains, to any address once the person accepted the charter's current version, or never; the
 * portal's own messages (Colibris, I-Prof) never outside. Each refusal is a French sentence the person can act on.
 */
@ApplicationScoped
public class ForwardingPolicy {

    private final MailConfig config;

    public ForwardingPolicy(MailConfig config) {
        this.config = config;
    }

    /** Why a forward of any message to that address is not allowed; empty when it is. */
    public Optional<String> refusal(String ownerId, String address) {
        if (!valid(address)) {
            return Optional.of("« " + address + " » n'est pas une adresse électronique valide");
        }
        String lower = address.toLowerCase(Locale.ROOT);
        if (config.isAcademie(lower) || allowedDomain(lower)) {
            return Optional.empty();
        }
        return switch (config.forwarding().external()) {
            case FORBIDDEN -> Optional.of("la charte de l'académie ne permet pas de transférer le courrier hors de "
                    + "l'académie (" + address + ")");
            case DOMAINS -> Optional.of("la charte de l'académie ne permet de transférer le courrier hors de l'académie "
                    + "que vers " + String.join(", ", config.forwarding().allowedDomains()) + " (" + address + ")");
            case CHARTER -> accepted(ownerId) ? Optional.empty() : Optional.of("pour transférer vers une adresse hors de "
                    + "l'académie (" + address + "), acceptez d'abord la charte de transfert (Règles de tri, onglet "
                    + "« Transferts »)");
        };
    }

    /** Why this message may not be forwarded there; empty when it may. */
    public Optional<String> refusal(String ownerId, String address, boolean fromPortal) {
        Optional<String> refusal = refusal(ownerId, address);
        if (refusal.isEmpty() && fromPortal && !config.isAcademie(address)) {
            return Optional.of("les messages du portail (Colibris, I-Prof) ne quittent jamais l'académie");
        }
        return refusal;
    }

    /** Whether the person accepted the charter's current version. */
    public boolean accepted(String ownerId) {
        CharterAcceptance acceptance = CharterAcceptance.findById(ownerId);
        return acceptance != null && acceptance.version.equals(config.forwarding().charterVersion());
    }

    public External external() {
        return config.forwarding().external();
    }

    private boolean allowedDomain(String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1);
        return config.forwarding().allowedDomains().stream().map(d -> d.toLowerCase(Locale.ROOT))
                .anyMatch(allowed -> domain.equals(allowed) || domain.endsWith("." + allowed));
    }

    /** An address alone (no name, no group), as RFC 5322 writes it, with a domain. */
    public static boolean valid(String address) {
        if (address == null || address.isBlank() || address.length() > 254 || address.indexOf('@') < 1) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            return parsed.getAddress().equals(address) && parsed.getPersonal() == null;
        } catch (AddressException e) {
            return false;
        }
    }
}

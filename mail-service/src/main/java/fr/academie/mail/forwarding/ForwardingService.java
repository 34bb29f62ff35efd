package fr.academie.mail.forwarding;

import fr.academie.common.date.FrenchDates;
import fr.academie.common.problem.ProblemException;
import fr.academie.mail.config.MailConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The charter of forwarding: what it allows, its text, and a person's acceptance of it (written to the audit log). */
@ApplicationScoped
@Transactional
public class ForwardingService {

    private final MailConfig config;
    private final ForwardingPolicy policy;
    private final ForwardingJournal journal;
    private final String text;

    public ForwardingService(MailConfig config, ForwardingPolicy policy, ForwardingJournal journal) {
        this.config = config;
        this.policy = policy;
        this.journal = journal;
        try (InputStream in = ForwardingService.class.getResourceAsStream("/forwarding/charte.txt")) {
            this.text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ForwardingView of(String ownerId) {
        CharterAcceptance acceptance = policy.accepted(ownerId) ? CharterAcceptance.findById(ownerId) : null;
        return new ForwardingView(config.forwarding().external(), config.forwarding().allowedDomains(),
                new ForwardingView.Charter(config.forwarding().charterVersion(), text,
                        acceptance == null ? null : acceptance.acceptedAt,
                        acceptance == null ? null : FrenchDates.dayAndTime(acceptance.acceptedAt)));
    }

    /** Notes that she accepted the charter's current version (the one she read: another is a 409). */
    public ForwardingView accept(String ownerId, String ownerAddress, CharterInput input) {
        String current = config.forwarding().charterVersion();
        if (!input.version().equals(current)) {
            throw ProblemException.conflict("urn:portail:mail:charter-changed", "Charte modifiée",
                    "La charte de transfert a changé (version " + current + ") : relisez-la avant de l'accepter.", "version");
        }
        if (config.forwarding().external() != MailConfig.Forwarding.External.CHARTER) {
            throw ProblemException.conflict("urn:portail:mail:charter-not-needed", "Pas de charte à accepter",
                    "L'académie n'autorise pas le transfert hors de l'académie sur acceptation de la charte : il n'y a "
                    + "rien à accepter.", null);
        }
        if (!policy.accepted(ownerId)) {
            CharterAcceptance acceptance = CharterAcceptance.findById(ownerId);
            if (acceptance == null) {
                acceptance = new CharterAcceptance();
                acceptance.ownerId = ownerId;
            }
            acceptance.version = current;
            acceptance.acceptedAt = Instant.now();
            acceptance.persist();
            journal.write(ownerId, ownerAddress, "charte de transfert acceptée (version " + current + ")");
        }
        return of(ownerId);
    }
}

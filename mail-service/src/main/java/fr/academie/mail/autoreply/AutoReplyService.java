package fr.academie.mail.autoreply;

import fr.academie.common.date.FrenchDates;
import fr.academie.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDateTime;

/** A person's auto-reply, read and saved; a new one answers again senders the old one had answered. */
@ApplicationScoped
@Transactional
public class AutoReplyService {

    static final int DEFAULT_DAYS = 7;

    @Transactional(Transactional.TxType.SUPPORTS)
    public AutoReplyView of(String ownerId) {
        AutoReply reply = AutoReply.findById(ownerId);
        if (reply == null) {
            return new AutoReplyView(false, false, null, null, "", "", null, DEFAULT_DAYS, null, null);
        }
        return new AutoReplyView(reply.enabled, reply.activeAt(Instant.now()), paris(reply.startsAt), paris(reply.endsAt),
                reply.subject, reply.internalText, reply.externalText, reply.days, period(reply), reply.updatedAt);
    }

    /** Saved with the name and address the person has now (the reply's From:). */
    public AutoReplyView save(String ownerId, String name, String address, AutoReplyInput input) {
        if (address == null || address.isBlank()) {
            throw ProblemException.conflict("urn:portail:mail:no-address", "Adresse inconnue",
                    "Votre compte n'a pas d'adresse électronique : une réponse automatique ne pourrait pas partir.", null);
        }
        Instant starts = instant(input.startsAt());
        Instant ends = instant(input.endsAt());
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            throw ProblemException.invalid("urn:portail:mail:auto-reply-invalid", "endsAt",
                    "La fin de la réponse automatique doit venir après son début.");
        }
        if (input.enabled() && ends != null && !ends.isAfter(Instant.now())) {
            throw ProblemException.invalid("urn:portail:mail:auto-reply-invalid", "endsAt",
                    "La fin de la réponse automatique est déjà passée : changez-la, ou désactivez la réponse.");
        }
        AutoReply reply = AutoReply.findById(ownerId);
        if (reply == null) {
            reply = new AutoReply();
            reply.ownerId = ownerId;
        }
        reply.enabled = input.enabled();
        reply.startsAt = starts;
        reply.endsAt = ends;
        reply.subject = input.subject().strip();
        reply.internalText = input.internalText();
        reply.externalText = input.externalText() == null || input.externalText().isBlank() ? null : input.externalText();
        reply.days = input.days() == null ? DEFAULT_DAYS : input.days();
        reply.fromName = name == null || name.isBlank() ? address : name;
        reply.fromAddress = address;
        reply.updatedAt = Instant.now();
        reply.persist();
        Panache.getEntityManager().createNativeQuery("delete from auto_reply_sent where owner_id = ?1 and handle = ''")
                .setParameter(1, ownerId).executeUpdate();
        return of(ownerId);
    }

    /** "du … au …", "à partir du …", "jusqu'au …", "" (no dates); null when off. */
    private static String period(AutoReply reply) {
        if (!reply.enabled) {
            return null;
        }
        String from = reply.startsAt == null ? null : FrenchDates.weekdayAndTime(reply.startsAt);
        String until = reply.endsAt == null ? null : FrenchDates.weekdayAndTime(reply.endsAt);
        return from != null && until != null ? "du " + from + " au " + until
                : from != null ? "à partir du " + from : until != null ? "jusqu'au " + until : "";
    }

    private static Instant instant(LocalDateTime paris) {
        return paris == null ? null : paris.atZone(FrenchDates.PARIS).toInstant();
    }

    private static LocalDateTime paris(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, FrenchDates.PARIS);
    }
}

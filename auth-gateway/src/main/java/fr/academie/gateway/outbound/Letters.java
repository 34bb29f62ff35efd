package fr.academie.gateway.outbound;

import fr.academie.common.date.FrenchDates;
import fr.academie.common.notification.MailNotifier;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/** What every message the gateway drops in a mailbox shares: the greeting, the French date, the signature, the sender. */
public final class Letters {

    private static final Logger LOG = Logger.getLogger(Letters.class);
    private static final String SENDER = "Sécurité du portail agents";
    private static final String SIGNATURE = "Ce message est envoyé automatiquement par le portail agents de l'académie "
            + "d'Orléans-Tours.";

    private Letters() {
    }

    /** A whole letter: the greeting, its lines (a blank one between paragraphs), the signature. */
    public static String text(String firstName, String... lines) {
        return String.join("\n", MailNotifier.greeting(firstName), "", String.join("\n", lines), "", SIGNATURE);
    }

    /** "lundi 30 novembre 2026 à 8 h 15", in Paris time. */
    public static String when(long epochMillis) {
        return FrenchDates.weekdayAndTime(Instant.ofEpochMilli(epochMillis));
    }

    /** True once mail-service has the message (now or before); otherwise the log says why, and the caller retries. */
    public static boolean sent(MailNotifier mail, String key, String recipient, String subject, String text) {
        Optional<String> failure = mail.deliver(key, recipient, subject, text, SENDER);
        failure.ifPresent(why -> LOG.warnf("Notification %s not delivered yet (%s); it will be retried", key, why));
        return failure.isEmpty();
    }
}

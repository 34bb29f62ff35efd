package fr.academie.mail.thread;

import fr.academie.mail.message.Message;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which conversation a message joins, when it is stored: the one of the message it answers (In-Reply-To, then
 * References, nearest first), as RFC 5322 §3.6.4 means them. A message that says it answers something this
 * mailbox does not hold (a "RE :" subject, or references to unknown messages) joins the latest conversation of the
 * same subject within {@link #WINDOW}; anything else starts its own, so that two unrelated "Bonjour" stay apart.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Threads {

    static final Duration WINDOW = Duration.ofDays(30);
    /** "RE :", "Fwd:", "TR:", "AW:", "WG:", "Re[2]:"... as many as there are (the same rule as migration V7). */
    private static final Pattern PREFIXES = Pattern.compile("^(\\s*(re|fwd?|tr|aw|wg)\\s*(\\[\\d+\\])?\\s*:)+",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    public static String baseSubject(String subject) {
        return subject == null ? "" : PREFIXES.matcher(subject).replaceFirst("").strip().toLowerCase(Locale.ROOT);
    }

    public UUID of(Message message) {
        List<String> answered = answered(message);
        if (!answered.isEmpty()) {
            List<?> found = Panache.getEntityManager().createNativeQuery("""
                            select message_id_hdr, thread_id from message
                            where owner_id = ?1 and message_id_hdr in (?2)""")
                    .setParameter(1, message.ownerId).setParameter(2, answered).getResultList();
            for (String id : answered) {
                for (Object row : found) {
                    Object[] columns = (Object[]) row;
                    if (id.equals(columns[0])) {
                        return (UUID) columns[1];
                    }
                }
            }
        }
        boolean saysItAnswers = !answered.isEmpty() || PREFIXES.matcher(message.subject).find();
        if (saysItAnswers && !message.baseSubject.isEmpty()) {
            List<?> recent = Panache.getEntityManager().createNativeQuery("""
                            select thread_id from message where owner_id = ?1 and base_subject = ?2 and received_at > ?3
                            order by received_at desc limit 1""")
                    .setParameter(1, message.ownerId).setParameter(2, message.baseSubject)
                    .setParameter(3, message.receivedAt.minus(WINDOW)).getResultList();
            if (!recent.isEmpty()) {
                return (UUID) recent.get(0);
            }
        }
        return message.id;
    }

    /** The Message-IDs the message answers, the nearest first: its In-Reply-To, then its References from the last. */
    private static List<String> answered(Message message) {
        List<String> ids = new ArrayList<>(ids(message.inReplyTo));
        List<String> references = ids(message.references);
        Collections.reverse(references);
        references.stream().filter(id -> !ids.contains(id)).limit(50).forEach(ids::add);
        return ids;
    }

    private static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = MESSAGE_ID.matcher(header);
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }
}

package fr.academie.mail.warning;

import fr.academie.common.date.FrenchDates;
import fr.academie.common.directory.KeycloakDirectory;
import fr.academie.mail.config.MailConfig;
import fr.academie.mail.delivery.DeliveryPipeline;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.message.Message;
import fr.academie.mail.message.PhishingReported;
import fr.academie.mail.mime.AutomaticMessages;
import fr.academie.mail.store.MessageSources;
import fr.academie.mail.store.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "Signaler un hameçonnage": each reported message goes, whole and as received, to the académie's security team
 * ({@code mail.phishing-reports-to}, an académie mailbox) inside an abuse report (RFC 5965), delivered in the
 * reporting action's transaction.
 */
@ApplicationScoped
public class PhishingReports {

    private static final Logger LOG = Logger.getLogger(PhishingReports.class);

    private final MessageSources sources;
    private final DeliveryPipeline delivery;
    private final FolderService folders;
    private final KeycloakDirectory directory;
    private final MailConfig config;

    public PhishingReports(MessageSources sources, DeliveryPipeline delivery, FolderService folders,
                           KeycloakDirectory directory, MailConfig config) {
        this.sources = sources;
        this.delivery = delivery;
        this.folders = folders;
        this.directory = directory;
        this.config = config;
    }

    void onReported(@Observes PhishingReported reported) {
        Optional<KeycloakDirectory.Person> team = directory.byAddress(config.phishingReportsTo());
        if (team.isEmpty()) {
            LOG.warnf("Phishing reported, but %s is nobody's mailbox: set mail.phishing-reports-to",
                    config.phishingReportsTo());
            return;
        }
        for (UUID id : reported.messageIds()) {
            Message message = Message.ofOwner(reported.ownerId(), id).orElseThrow();
            delivery.deliver(new DeliveryPipeline.Destination(team.get().id(),
                    folders.systemFolderId(team.get().id(), SystemFolder.INBOX), true, false),
                    Spool.of(report(message, reported.ownerAddress())));
        }
    }

    private byte[] report(Message message, String reporter) {
        String who = reporter == null ? "Une personne de l'académie" : reporter;
        String text = who + " a signalé ce message comme une tentative d'hameçonnage le "
                + FrenchDates.dayAndTime(Instant.now()) + ".\n\nExpéditeur affiché : "
                + (message.senderName == null ? "" : message.senderName + " ") + "<" + message.senderAddress + ">\n"
                + "Objet : " + message.subject + "\nReçu le " + FrenchDates.dayAndTime(message.receivedAt)
                + "\n\nLe message d'origine est joint tel qu'il a été reçu.\n";
        Map<String, String> feedback = new LinkedHashMap<>();
        feedback.put("Feedback-Type", "fraud");
        feedback.put("User-Agent", "portail-agents/1.0");
        feedback.put("Version", "1");
        if (reporter != null) {
            feedback.put("Original-Rcpt-To", "<" + reporter + ">");
        }
        feedback.put("Arrival-Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(message.receivedAt.atOffset(ZoneOffset.UTC)));
        int at = message.senderAddress.lastIndexOf('@');
        if (at > 0) {
            feedback.put("Reported-Domain", message.senderAddress.substring(at + 1).toLowerCase(Locale.ROOT));
        }
        return AutomaticMessages.feedbackReport(new Mailbox("Portail agents", "ne-pas-repondre", config.domain()),
                config.phishingReportsTo(), "Signalement d'hameçonnage : " + message.subject,
                "<" + UUID.randomUUID() + "@" + config.domain() + ">", text, feedback, original(message.id));
    }

    private byte[] original(UUID messageId) {
        try (InputStream in = sources.open(messageId)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

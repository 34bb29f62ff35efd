package fr.academie.mail.submission;

import fr.academie.common.directory.KeycloakDirectory;
import fr.academie.mail.mime.MimeParser;
import fr.academie.mail.mime.ParsedMessage;
import fr.academie.mail.outbound.Sending;
import fr.academie.mail.store.Spool;
import org.apache.james.core.MailAddress;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.MailEnvelope;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MessageHook;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A message submitted whole: every address of its {@code From:} and {@code Sender:} must be the person's own (550
 * otherwise, as the envelope's), then it takes the web page's way ({@link Sending#submit}): académie mailboxes at
 * once, the relay (DKIM-signed) otherwise, a non-delivery report for who could not be reached. No undo: a client has
 * sent when it says so.
 */
final class Submission implements MessageHook {

    private static final Logger LOG = Logger.getLogger(Submission.class);

    private final Sending sending;
    private final long maxBytes;

    Submission(Sending sending, long maxBytes) {
        this.sending = sending;
        this.maxBytes = maxBytes;
    }

    @Override
    public HookResult onMessage(SMTPSession session, MailEnvelope envelope) {
        String own = session.getAttachment(SubmissionAuth.ADDRESS, ProtocolSession.State.Connection).orElseThrow();
        try (Spool message = Spool.of(envelope.getMessageInputStream(), maxBytes)) {
            List<ParsedMessage.Address> authors;
            ParsedMessage parsed;
            try (InputStream header = message.open(); InputStream in = message.open()) {
                authors = MimeParser.authors(header);
                parsed = MimeParser.parse(in);
            }
            if (authors.isEmpty() || authors.stream().anyMatch(author -> !own.equalsIgnoreCase(author.address()))) {
                return SubmissionAuth.reply(HookReturnCode.deny(), "550", "5.7.1 Le champ From doit etre votre adresse, "
                        + own + " / From: must be your own address");
            }
            sending.submit(session.getUsername().asString(), own,
                    envelope.getRecipients().stream().map(MailAddress::asString).toList(), message, parsed.subject(),
                    parsed.messageId());
            return HookResult.OK;
        } catch (Spool.TooLarge e) {
            return SubmissionAuth.reply(HookReturnCode.deny(), "552", "5.3.4 Message trop volumineux / Message too big");
        } catch (KeycloakDirectory.Unavailable e) {
            LOG.warnf("Submission waits: %s", e.getMessage());
            return SubmissionAuth.reply(HookReturnCode.denySoft(), "451", "4.4.3 Annuaire momentanement indisponible, "
                    + "reessayez plus tard / Directory temporarily unavailable");
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Submission of a message by %s failed", session.getUsername());
            return SubmissionAuth.reply(HookReturnCode.denySoft(), "451", "4.3.0 Erreur temporaire, reessayez plus tard"
                    + " / Temporary failure, try again later");
        }
    }
}

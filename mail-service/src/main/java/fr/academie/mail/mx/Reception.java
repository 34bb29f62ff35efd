package fr.academie.mail.mx;

import fr.academie.mail.store.Spool;
import org.apache.james.core.MailAddress;
import org.apache.james.protocols.smtp.MailEnvelope;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MessageHook;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

/**
 * A message received whole (after the final dot): stored in the inbox of each recipient the RCPT check let through,
 * exactly as received under the MX's own Received: (written by the SMTP stack) and Authentication-Results: (RFC 8601)
 * headers. The 250 is answered only once every copy is committed; a failure answers 451, and the sender's server
 * tries again later.
 */
final class Reception implements MessageHook {

    private static final Logger LOG = Logger.getLogger(Reception.class);

    private final Mailboxes mailboxes;
    private final String hostName;
    private final long maxBytes;

    Reception(Mailboxes mailboxes, String hostName, long maxBytes) {
        this.mailboxes = mailboxes;
        this.hostName = hostName;
        this.maxBytes = maxBytes;
    }

    @Override
    public HookResult onMessage(SMTPSession session, MailEnvelope envelope) {
        try (Spool message = Spool.of(stamped(envelope), maxBytes)) {
            for (MailAddress recipient : envelope.getRecipients()) {
                String owner = mailboxes.owner(recipient.asString()).orElseThrow(); // checked at RCPT time
                mailboxes.deliver(owner, message);
            }
            return HookResult.OK;
        } catch (Spool.TooLarge e) {
            return HookResult.builder().hookReturnCode(HookReturnCode.deny()).smtpReturnCode("552")
                    .smtpDescription("5.3.4 Message trop volumineux / Message too big").build();
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "MX: a message for %s could not be stored; the sender's server will retry",
                    envelope.getRecipients());
            return HookResult.builder().hookReturnCode(HookReturnCode.denySoft()).smtpReturnCode("451")
                    .smtpDescription("4.3.0 Erreur temporaire, reessayez plus tard / Temporary failure, try again later")
                    .build();
        }
    }

    /** The message under this server's Authentication-Results: header (no check made yet: "none"). */
    private InputStream stamped(MailEnvelope envelope) throws IOException {
        byte[] results = ("Authentication-Results: " + hostName + "; none\r\n").getBytes(StandardCharsets.US_ASCII);
        return new SequenceInputStream(new ByteArrayInputStream(results), envelope.getMessageInputStream());
    }
}

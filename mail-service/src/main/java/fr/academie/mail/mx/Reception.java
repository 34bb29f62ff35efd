package fr.academie.mail.mx;

import fr.academie.mail.store.Spool;
import org.apache.james.core.MailAddress;
import org.apache.james.protocols.smtp.MailEnvelope;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MessageHook;
import org.jboss.logging.Logger;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A message received whole (after the final dot): stored in the inbox of each recipient the RCPT check let through,
 * exactly as received under the MX's own Received: (written by the SMTP stack) and Authentication-Results: (RFC 8601)
 * headers. The 250 is answered only once every copy is committed; a failure answers 451, and the sender's server
 * tries again later — a copy already stored then is recognised by its content and not stored twice.
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
            byte[] digest = digest(message);
            for (MailAddress recipient : envelope.getRecipients()) {
                String owner = mailboxes.owner(recipient.asString()).orElseThrow(); // checked at RCPT time
                if (!mailboxes.deliverOnce(owner, message, digest)) {
                    LOG.infof("MX: the same message again for %s (a retry): stored once", owner);
                }
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

    /**
     * The SHA-256 of the message as the sender's server sent it: all of it but the two header fields this server put
     * on top (Authentication-Results:, and the Received: that names this session), which differ at every attempt.
     */
    static byte[] digest(Spool message) throws IOException {
        MessageDigest sha = sha256();
        try (BufferedInputStream in = new BufferedInputStream(message.open())) {
            skipHeaderField(in);
            skipHeaderField(in);
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, read);
            }
        }
        return sha.digest();
    }

    /** Reads one header field: its first line and the folded lines after it (those that start with a blank). */
    private static void skipHeaderField(BufferedInputStream in) throws IOException {
        do {
            for (int b = in.read(); b != '\n' && b != -1; b = in.read()) {
                // the rest of the line
            }
            in.mark(1);
            int next = in.read();
            in.reset();
            if (next != ' ' && next != '\t') {
                return;
            }
        } while (true);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message under this server's Authentication-Results: header (no check made yet: "none"). */
    private InputStream stamped(MailEnvelope envelope) throws IOException {
        byte[] results = ("Authentication-Results: " + hostName + "; none\r\n").getBytes(StandardCharsets.US_ASCII);
        return new SequenceInputStream(new ByteArrayInputStream(results), envelope.getMessageInputStream());
    }
}

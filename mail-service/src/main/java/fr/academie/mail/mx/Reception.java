package fr.academie.mail.mx;

import fr.academie.mail.authenticity.Authenticity;
import fr.academie.mail.authenticity.Verdict;
import fr.academie.mail.store.Spool;
import org.apache.james.core.MailAddress;
import org.apache.james.protocols.api.ProtocolSession;
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
import java.util.Optional;

/**
 * A message received whole (after the final dot): its sender checked ({@link Authenticity}: SPF, DKIM, DMARC), then
 * stored in the inbox — or Indésirables, when its domain's DMARC policy says quarantine — of each recipient the RCPT
 * check let through, exactly as received under the MX's own Received: (written by the SMTP stack),
 * Return-Path: and Authentication-Results: (RFC 8601) headers. The 250 is answered only once every copy is committed; a failure
 * answers 451, and the sender's server tries again later — a copy already stored then is recognised by its content
 * and not stored twice. A DMARC reject, or the académie's own domain unproven, is refused (550 5.7.1).
 */
final class Reception implements MessageHook {

    private static final Logger LOG = Logger.getLogger(Reception.class);

    private final Mailboxes mailboxes;
    private final Authenticity authenticity;
    private final String hostName;
    private final long maxBytes;

    Reception(Mailboxes mailboxes, Authenticity authenticity, String hostName, long maxBytes) {
        this.mailboxes = mailboxes;
        this.authenticity = authenticity;
        this.hostName = hostName;
        this.maxBytes = maxBytes;
    }

    @Override
    public HookResult onMessage(SMTPSession session, MailEnvelope envelope) {
        try (Spool received = Spool.of(envelope.getMessageInputStream(), maxBytes)) {
            Verdict verdict = authenticity.check(envelope(session, envelope), received);
            if (verdict.disposition() == Verdict.Disposition.REFUSE) {
                return reply(HookReturnCode.deny(), "550", "5.7.1 Expediteur non authentifie, message refuse par la "
                        + "politique DMARC de " + verdict.fromDomain() + " / Unauthenticated sender, rejected by DMARC");
            }
            if (verdict.disposition() == Verdict.Disposition.TRY_LATER) {
                return reply(HookReturnCode.denySoft(), "451", "4.7.5 Authentification de l'expediteur impossible pour "
                        + "l'instant, reessayez plus tard / Sender authentication unavailable, try again later");
            }
            byte[] digest = digest(received);
            String sender = envelope.getMaybeSender().asString("");
            try (Spool message = Spool.of(stamped(sender, verdict, received), Long.MAX_VALUE)) {
                for (MailAddress recipient : envelope.getRecipients()) {
                    Optional<String> back = mailboxes.returnPath(recipient.asString());
                    if (back.isPresent()) { // a bounce to a forward's SRS address: back to that forward's sender
                        mailboxes.sendBack(back.get(), received);
                        continue;
                    }
                    String owner = mailboxes.owner(recipient.asString()).orElseThrow(); // checked at RCPT time
                    if (!mailboxes.deliverOnce(owner, message, digest, verdict, sender)) {
                        LOG.infof("MX: the same message again for %s (a retry): stored once", owner);
                    }
                }
            }
            return HookResult.OK;
        } catch (Spool.TooLarge e) {
            return reply(HookReturnCode.deny(), "552", "5.3.4 Message trop volumineux / Message too big");
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "MX: a message for %s could not be stored; the sender's server will retry",
                    envelope.getRecipients());
            return reply(HookReturnCode.denySoft(), "451", "4.3.0 Erreur temporaire, reessayez plus tard / Temporary "
                    + "failure, try again later");
        }
    }

    private static HookResult reply(HookReturnCode code, String smtpCode, String text) {
        return HookResult.builder().hookReturnCode(code).smtpReturnCode(smtpCode).smtpDescription(text).build();
    }

    private static Authenticity.Envelope envelope(SMTPSession session, MailEnvelope envelope) {
        return new Authenticity.Envelope(session.getRemoteAddress().getAddress().getHostAddress(),
                session.getAttachment(SMTPSession.CURRENT_HELO_NAME, ProtocolSession.State.Connection).orElse(""),
                envelope.getMaybeSender().asString(""));
    }

    /**
     * The SHA-256 of the message as the sender's server sent it: all of it but the header field this server put on
     * top (the Received: that names this session), which differs at every attempt.
     */
    static byte[] digest(Spool message) throws IOException {
        MessageDigest sha = sha256();
        try (BufferedInputStream in = new BufferedInputStream(message.open())) {
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

    /**
     * The message under the envelope's sender (Return-Path:, which the server that delivers writes: RFC 5321 §4.4;
     * "<>" for a bounce — where an auto-reply goes, RFC 3834 §4) and this server's Authentication-Results: header
     * (RFC 8601), which says what was checked.
     */
    private InputStream stamped(String sender, Verdict verdict, Spool received) {
        byte[] fields = ("Return-Path: <" + sender + ">\r\n" + verdict.header(hostName)).getBytes(StandardCharsets.UTF_8);
        return new SequenceInputStream(new ByteArrayInputStream(fields), received.open());
    }
}

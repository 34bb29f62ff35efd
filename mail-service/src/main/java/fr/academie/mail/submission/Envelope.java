package fr.academie.mail.submission;

import fr.academie.mail.mx.SenderRate;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.apache.james.protocols.smtp.hook.RcptHook;

import java.util.List;

/**
 * The envelope at the submission door: signed in first (530), the envelope's sender her own address (553), at most
 * {@code mail.submission.messages-per-minute} messages a minute per person and {@code max-recipients} recipients
 * each (451, 452); any recipient otherwise, inside the académie or not.
 */
final class Envelope implements MailHook, RcptHook {

    private final SenderRate rate;
    private final int maxRecipients;

    Envelope(SenderRate rate, int maxRecipients) {
        this.rate = rate;
        this.maxRecipients = maxRecipients;
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        if (session.getUsername() == null) {
            return authenticationRequired();
        }
        String own = session.getAttachment(SubmissionAuth.ADDRESS, ProtocolSession.State.Connection).orElse("");
        if (sender.isNullSender() || !sender.asString().equalsIgnoreCase(own)) {
            return SubmissionAuth.reply(HookReturnCode.deny(), "553", "5.7.1 Envoyez avec votre propre adresse, " + own
                    + " / Sender address must be your own");
        }
        return rate.allow(session.getUsername().asString()) ? HookResult.DECLINED
                : SubmissionAuth.reply(HookReturnCode.denySoft(), "451", "4.7.0 Trop de messages en une minute, "
                        + "reessayez plus tard / Too many messages, slow down");
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient) {
        if (session.getUsername() == null) {
            return authenticationRequired();
        }
        List<MailAddress> already = session.getAttachment(SMTPSession.RCPT_LIST, ProtocolSession.State.Transaction)
                .orElse(List.of());
        return already.size() < maxRecipients ? HookResult.OK : SubmissionAuth.reply(HookReturnCode.denySoft(), "452",
                "4.5.3 Trop de destinataires pour un message (" + maxRecipients + " au plus) / Too many recipients");
    }

    private static HookResult authenticationRequired() {
        return SubmissionAuth.reply(HookReturnCode.deny(), "530", "5.7.0 Authentification requise / Authentication"
                + " required");
    }
}

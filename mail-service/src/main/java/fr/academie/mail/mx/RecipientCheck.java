package fr.academie.mail.mx;

import fr.academie.common.directory.KeycloakDirectory;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Each recipient checked at RCPT time, so that the sender's own server tells its user at once and nothing is ever
 * accepted then bounced to a sender that may be forged: an address that is not the académie's (we relay nothing) or
 * nobody's is refused for good (550), a full mailbox for now (452: the sender's server retries) then, once it has been
 * full for long, for good (552), and an unreachable directory for now (451). A forward's SRS address takes bounces
 * (an empty sender) and nothing else. The reply says why, in French and in
 * English (without accents: a reply is ASCII).
 */
final class RecipientCheck implements RcptHook {

    private static final Logger LOG = Logger.getLogger(RecipientCheck.class);

    private final Mailboxes mailboxes;

    RecipientCheck(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient) {
        if (!mailboxes.isAcademie(recipient.asString())) {
            return reply(true, "550", "5.7.1 Ce serveur ne recoit que le courrier de l'academie d'Orleans-Tours"
                    + " / Relaying denied");
        }
        if (mailboxes.returnPath(recipient.asString()).isPresent()) { // a forward's SRS address: bounces only
            return sender.isNullSender() ? HookResult.OK : reply(true, "550", "5.7.1 Cette adresse ne recoit que les "
                    + "avis de non-remise / Only bounces are accepted for this address");
        }
        Optional<String> owner;
        try {
            owner = mailboxes.owner(recipient.asString());
        } catch (KeycloakDirectory.Unavailable e) {
            LOG.warnf("MX: recipient not checked, the directory is unavailable (%s)", e.getMessage());
            return reply(false, "451", "4.4.3 Annuaire momentanement indisponible, reessayez plus tard"
                    + " / Directory temporarily unavailable, try again later");
        }
        if (owner.isEmpty()) {
            return reply(true, "550", "5.1.1 Adresse inconnue a l'academie d'Orleans-Tours"
                    + " / No such user here");
        }
        return switch (mailboxes.room(owner.get())) {
            case YES -> HookResult.OK;
            case FULL -> reply(false, "452", "4.2.2 Boite aux lettres pleine, reessayez plus tard"
                    + " / Mailbox full, try again later");
            case FULL_FOR_LONG -> reply(true, "552", "5.2.2 Boite aux lettres pleine depuis trop longtemps, message"
                    + " non remis / Mailbox full for too long, message not delivered");
        };
    }

    private static HookResult reply(boolean permanent, String code, String text) {
        return HookResult.builder().hookReturnCode(permanent ? HookReturnCode.deny() : HookReturnCode.denySoft())
                .smtpReturnCode(code).smtpDescription(text).build();
    }
}

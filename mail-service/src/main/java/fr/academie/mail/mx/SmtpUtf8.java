package fr.academie.mail.mx;

import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.EhloExtension;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.MailParametersHook;

import java.util.List;

/**
 * SMTPUTF8 (RFC 6531), which James' SMTP stack does not announce: addresses and headers in UTF-8 are accepted as
 * they come (the message is stored as received, and read by a MIME parser that understands them).
 */
final class SmtpUtf8 implements EhloExtension, MailParametersHook, ProtocolHandler {

    @Override
    public List<String> getImplementedEsmtpFeatures(SMTPSession session) {
        return List.of("SMTPUTF8");
    }

    @Override
    public HookResult doMailParameter(SMTPSession session, String name, String value) {
        return HookResult.DECLINED; // nothing to do: taking it is all SMTPUTF8 asks of a final destination
    }

    @Override
    public String[] getMailParamNames() {
        return new String[] {"SMTPUTF8"};
    }
}

package fr.academie.mail.imap;

import org.apache.james.imap.api.message.response.StatusResponse;
import org.apache.james.imap.encode.ImapEncoder;

/**
 * James' encoder, but with CONDSTORE's {@code [MODIFIED set]} as RFC 7162 (3.1.3) writes it: James 3.8.1 puts a
 * stray number before the set ({@code [MODIFIED 0 2]}), which a client would read as the set "0".
 */
final class ModifiedCode {

    private static final String MODIFIED = "MODIFIED";

    private ModifiedCode() {
    }

    static ImapEncoder around(ImapEncoder james) {
        return (message, composer) -> {
            if (!(message instanceof StatusResponse status) || status.getResponseCode() == null
                    || !MODIFIED.equals(status.getResponseCode().getCode())) {
                james.encode(message, composer);
                return;
            }
            if (status.getTag() == null) {
                composer.untagged();
            } else {
                composer.tag(status.getTag());
            }
            composer.message(status.getServerResponseType().getCode()).openSquareBracket().message(MODIFIED);
            for (String set : status.getResponseCode().getParameters()) {
                composer.message(set);
            }
            composer.closeSquareBracket();
            if (status.getCommand() != null) {
                composer.commandName(status.getCommand());
            }
            composer.message(status.getTextKey().getDefaultValue()).end();
        };
    }
}

package fr.academie.mail.autoreply;

import fr.academie.mail.mime.MimeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 3834's rules on whom an auto-reply answers, one case each. */
class ReplyExclusionsTest {

    private static final String SAMIR = "samir.benali@ac-orleans-tours.fr";

    private static Optional<String> recipient(String headers) {
        String message = headers + "Subject: Devis\r\n\r\nBonjour.\r\n";
        return ReplyExclusions.recipient(MimeParser.parse(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8))), SAMIR);
    }

    @Test
    void aPersonIsAnsweredAtTheEnvelopesSenderOrElseAtFrom() {
        assertEquals(Optional.of("paul@exemple.fr"), recipient("From: Paul <Paul@Exemple.fr>\r\n"));
        assertEquals(Optional.of("envoi@relais.fr"), recipient("Return-Path: <envoi@relais.fr>\r\n"
                + "From: Paul <paul@exemple.fr>\r\n"));
        assertEquals(Optional.of("paul@exemple.fr"), recipient("Auto-Submitted: no\r\nFrom: paul@exemple.fr\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Auto-Submitted: auto-replied\r\nFrom: paul@exemple.fr\r\n",
            "Auto-Submitted: auto-generated\r\nFrom: paul@exemple.fr\r\n",
            "List-Id: <parents.exemple.fr>\r\nFrom: paul@exemple.fr\r\n",
            "List-Unsubscribe: <mailto:leave@exemple.fr>\r\nFrom: paul@exemple.fr\r\n",
            "Precedence: bulk\r\nFrom: paul@exemple.fr\r\n",
            "Precedence: junk\r\nFrom: paul@exemple.fr\r\n",
            "Precedence: list\r\nFrom: paul@exemple.fr\r\n",
            "Return-Path: <>\r\nFrom: paul@exemple.fr\r\n",
            "From: MAILER-DAEMON@exemple.fr\r\n",
            "From: postmaster@exemple.fr\r\n",
            "From: no-reply@impots.gouv.fr\r\n",
            "From: noreply@exemple.fr\r\n",
            "From: ne-pas-repondre@ac-orleans-tours.fr\r\n",
            "From: do-not-reply@exemple.fr\r\n",
            "From: parents-request@exemple.fr\r\n",
            "From: owner-parents@exemple.fr\r\n",
            "From: Samir <Samir.Benali@ac-orleans-tours.fr>\r\n",
            "From: pas une adresse\r\n",
            "Subject: sans expéditeur\r\n"})
    void machinesListsBouncesAndThePersonHerselfAreNeverAnswered(String headers) {
        assertEquals(Optional.empty(), recipient(headers), headers);
    }
}

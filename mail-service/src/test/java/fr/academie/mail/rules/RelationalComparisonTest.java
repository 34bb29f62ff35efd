package fr.academie.mail.rules;

import fr.academie.mail.delivery.Arrival;
import fr.academie.mail.message.Message;
import fr.academie.mail.mime.MimeParser;
import org.apache.jsieve.mail.ActionFileInto;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RFC 5231 on jSieve's tests: values and counts compared, numerically or as text; jSieve's own match types untouched. */
class RelationalComparisonTest {

    private static final String MESSAGE = "Received: from a\r\nReceived: from b\r\nReceived: from c\r\nFrom: Papeterie "
            + "<devis@Papeterie-Exemple.fr>\r\nTo: lena@ac-orleans-tours.fr, samir@ac-orleans-tours.fr\r\n"
            + "X-Spam-Score: 7.5\r\nSubject: Devis\r\n\r\nBonjour.\r\n";
    private static final String NUMERIC = ":comparator \"i;ascii-numeric\" ";

    private final SieveEngine engine = new SieveEngine();

    @Test
    void valuesAndCountsAreComparedAsTheComparatorSays() throws Exception {
        assertEquals(true, holds("header :value \"gt\" " + NUMERIC + "\"x-spam-score\" \"5\""));
        assertEquals(false, holds("header :value \"gt\" " + NUMERIC + "\"x-spam-score\" \"10\""));
        assertEquals(true, holds("header :count \"ge\" " + NUMERIC + "\"received\" \"3\""));
        assertEquals(false, holds("header :count \"gt\" " + NUMERIC + "\"received\" \"3\""));
        assertEquals(true, holds("address :count \"eq\" " + NUMERIC + "\"to\" \"2\""));
        assertEquals(true, holds("address :domain :value \"eq\" \"from\" \"papeterie-exemple.FR\""), "i;ascii-casemap by default");
        assertEquals(false, holds("address :domain :value \"eq\" :comparator \"i;octet\" \"from\" \"papeterie-exemple.fr\""));
        assertEquals(true, holds("envelope :value \"ne\" \"to\" \"samir@ac-orleans-tours.fr\""));
        assertEquals(false, holds("header :value \"lt\" " + NUMERIC + "\"subject\" \"1\""), "no digit is infinity: never less");
        assertEquals(true, holds("header :contains \"subject\" \"dev\""), "jSieve's own match types");
    }

    @Test
    void aWrongOperatorIsSaidWithItsLine() {
        SieveEngine.Invalid wrong = assertThrows(SieveEngine.Invalid.class,
                () -> holds("header :value \"plus\" \"x-spam-score\" \"5\""));
        assertEquals(2, wrong.line(), wrong.getMessage());
    }

    private boolean holds(String test) throws SieveEngine.Invalid {
        String script = "require [\"relational\", \"comparator-i;ascii-numeric\", \"fileinto\", \"envelope\"];\nif " + test
                + " { fileinto \"Oui\"; }\n";
        engine.check(script);
        Message stored = new Message();
        stored.ownerId = "lena";
        stored.folderId = UUID.randomUUID();
        stored.receivedAt = Instant.now();
        stored.sizeBytes = MESSAGE.length();
        Arrival arrival = Arrival.stored(stored, MimeParser.parse(new ByteArrayInputStream(
                MESSAGE.getBytes(StandardCharsets.UTF_8))), false);
        return engine.evaluate(script, arrival, "lena@ac-orleans-tours.fr").asked().stream()
                .anyMatch(asked -> asked.action() instanceof ActionFileInto);
    }
}

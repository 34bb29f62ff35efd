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

/**
 * RFC 5231 on jSieve's tests (values and counts compared, numerically or as text; jSieve's own match types untouched)
 * and RFC 5260's dates.
 */
class RelationalComparisonTest {

    private static final String MESSAGE = "Received: from a\r\nReceived: from b\r\nReceived: from c\r\nFrom: Papeterie "
            + "<devis@Papeterie-Exemple.fr>\r\nTo: lena@ac-orleans-tours.fr, samir@ac-orleans-tours.fr\r\n"
            + "X-Spam-Score: 7.5\r\nDate: Thu, 3 Dec 2026 23:30:00 -0500 (EST)\r\nSubject: Devis\r\n\r\nBonjour.\r\n";
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
    void datesAreReadInParisTimeOrTheZoneSaid() throws Exception {
        assertEquals(true, holds("date :is \"date\" \"date\" \"2026-12-04\""), "23:30 in New York is the 4th in Paris");
        assertEquals(true, holds("date :is \"date\" \"hour\" \"05\""));
        assertEquals(true, holds("date :originalzone :is \"date\" \"date\" \"2026-12-03\""));
        assertEquals(true, holds("date :originalzone :is \"date\" \"zone\" \"-0500\""));
        assertEquals(true, holds("date :zone \"+0000\" :is \"date\" \"time\" \"04:30:00\""));
        assertEquals(true, holds("date :is \"date\" \"weekday\" \"5\""), "a Friday in Paris (0 is Sunday)");
        assertEquals(true, holds("date :value \"ge\" \"date\" \"date\" \"2026-12-01\""));
        assertEquals(false, holds("date :value \"lt\" \"date\" \"date\" \"2026-12-01\""));
        assertEquals(false, holds("date :is \"received\" \"year\" \"2026\""), "no date in these Received: fields");
        assertEquals(true, holds("currentdate :value \"ge\" \"date\" \"2000-01-01\""));
        assertEquals(false, holds("currentdate :value \"lt\" \"year\" \"2000\""));
        assertEquals(true, holds("currentdate :matches \"iso8601\" \"20*\""));
    }

    @Test
    void aWrongOperatorIsSaidWithItsLine() {
        SieveEngine.Invalid wrong = assertThrows(SieveEngine.Invalid.class,
                () -> holds("header :value \"plus\" \"x-spam-score\" \"5\""));
        assertEquals(2, wrong.line(), wrong.getMessage());
    }

    private boolean holds(String test) throws SieveEngine.Invalid {
        String script = "require [\"relational\", \"comparator-i;ascii-numeric\", \"fileinto\", \"envelope\", \"date\"];\n"
                + "if " + test + " { fileinto \"Oui\"; }\n";
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

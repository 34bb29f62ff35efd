package fr.academie.mail.rules;

import fr.academie.mail.delivery.Arrival;
import fr.academie.mail.message.Message;
import fr.academie.mail.mime.MimeParser;
import org.apache.jsieve.mail.ActionFileInto;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The extensions we add to jSieve, run on one message: RFC 5231 (values and counts compared, numerically or as text;
 * jSieve's own match types untouched), RFC 5260's dates, RFC 5229's variables.
 */
class SieveExtensionsTest {

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
    void variablesAreSetModifiedAndReplacedOnceRequired() throws Exception {
        assertEquals(List.of("Fournisseurs/2026"), filed("""
                require ["variables", "fileinto"];
                set "annee" "2026";
                set :upperfirst "quoi" "fournisseurs";
                fileinto "${quoi}/${annee}";
                """));
        assertEquals(List.of("7"), filed("""
                require ["variables", "fileinto"];
                set :length "n" "Léna Ma";
                if string :is "${n}" "7" { fileinto "${N}"; }
                """), "names without case; :length counts characters");
        assertEquals(List.of("-"), filed("""
                require ["variables", "fileinto"];
                fileinto "${inconnue}-${1}";
                """), "an unknown variable and a match variable are empty");
        assertEquals(List.of("${annee}"), filed("""
                require "fileinto";
                fileinto "${annee}";
                """), "without require, a string is as written");
    }

    @Test
    void fileintoAndKeepTakeFlagsAndACopyInASecondFolderIsRefused() throws Exception {
        ArrivalMail filed = run("require [\"fileinto\", \"imap4flags\"];\naddflag \"Vu\";\n"
                + "fileinto :flags \"\\\\Seen \\\\Flagged\" \"A\";\n");
        assertEquals(List.of("\\Seen", "\\Flagged"), List.copyOf(filed.flags()), "the flags given replace the others");
        assertEquals(3, filed.lineOf("\\Seen"));
        ArrivalMail kept = run("require [\"imap4flags\"];\nkeep :flags \"Devis\";\n");
        assertEquals(List.of("Devis"), List.copyOf(kept.flags()));
        SieveEngine.Invalid copy = assertThrows(SieveEngine.Invalid.class,
                () -> run("require [\"fileinto\", \"copy\"];\nfileinto :copy \"A\";\n"));
        assertEquals(2, copy.line(), copy.getMessage());
    }

    @Test
    void aWrongOperatorIsSaidWithItsLine() {
        SieveEngine.Invalid wrong = assertThrows(SieveEngine.Invalid.class,
                () -> holds("header :value \"plus\" \"x-spam-score\" \"5\""));
        assertEquals(2, wrong.line(), wrong.getMessage());
    }

    private boolean holds(String test) throws SieveEngine.Invalid {
        return !filed("require [\"relational\", \"comparator-i;ascii-numeric\", \"fileinto\", \"envelope\", \"date\"];\n"
                + "if " + test + " { fileinto \"Oui\"; }\n").isEmpty();
    }

    /** Where the script files the message. */
    private List<String> filed(String script) throws SieveEngine.Invalid {
        return run(script).asked().stream().filter(asked -> asked.action() instanceof ActionFileInto)
                .map(asked -> ((ActionFileInto) asked.action()).getDestination()).toList();
    }

    private ArrivalMail run(String script) throws SieveEngine.Invalid {
        engine.check(script);
        Message stored = new Message();
        stored.ownerId = "lena";
        stored.folderId = UUID.randomUUID();
        stored.receivedAt = Instant.now();
        stored.sizeBytes = MESSAGE.length();
        Arrival arrival = Arrival.stored(stored, MimeParser.parse(new ByteArrayInputStream(
                MESSAGE.getBytes(StandardCharsets.UTF_8))), false);
        return engine.evaluate(script, arrival, "lena@ac-orleans-tours.fr");
    }
}

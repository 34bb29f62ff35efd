package fr.academie.mail.rules;

import fr.academie.mail.mime.ParsedMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The names Samir's pattern gives his suppliers' PDF quotes. */
class AttachmentNamesTest {

    // 23:30 in Paris on 2 December is 22:30 UTC: the day is Paris'
    private static final Instant ARRIVED = Instant.parse("2026-12-02T23:30:00Z");

    @Test
    void thePatternNamesTheFileByDaySenderAndOwnNameKeepingItsExtension() {
        assertEquals("2026-12-03_Papeterie-Dupont-Fils_devis 2026.pdf", name("{date}_{expéditeur}_{nom}",
                "devis 2026.pdf", new ParsedMessage.Address("Papeterie Dupont & Fils", "devis@papeterie.fr")));
        assertEquals("compta_devis.PDF", name("{expediteur}_{nom}.pdf", "devis.PDF",
                new ParsedMessage.Address(null, "compta@papeterie.fr")), "no name: the address before its @; one extension");
        assertEquals("2026-12-03_inconnu_piece-jointe", name("{date}_{expéditeur}_{nom}", null, null));
        assertEquals("Factures-2026-devis.pdf", name("Factures/2026:{nom}", "devis.pdf", null), "no folder in a file name");
        assertEquals(200, name("x".repeat(300), "devis.pdf", null).length());
    }

    private static String name(String pattern, String fileName, ParsedMessage.Address from) {
        ParsedMessage message = new ParsedMessage(from, List.of(), List.of(), "Devis", ARRIVED, null, null, null,
                ParsedMessage.Priority.NORMAL, "", null, List.of(), List.of());
        return AttachmentNames.of(pattern, new ParsedMessage.Part(1, fileName, "application/pdf", 10, null, false), message,
                ARRIVED);
    }
}

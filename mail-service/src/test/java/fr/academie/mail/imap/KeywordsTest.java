package fr.academie.mail.imap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Labels as IMAP keywords: atoms of printable ASCII. */
class KeywordsTest {

    @Test
    void aLabelLosesItsAccentsAndWhatAnAtomCannotHold() {
        assertEquals("Reunion", Keywords.of("Réunion"));
        assertEquals("Conseil_de_classe", Keywords.of("Conseil de classe"));
        assertEquals("Fiscalite__2026_", Keywords.of("Fiscalité (2026)"));
        assertEquals("RH", Keywords.of("RH"));
        assertEquals("_urgent_", Keywords.of("\\urgent*"));
        assertEquals("a_b", Keywords.of("a\u0000b"));
    }
}

package fr.academie.mail.forwarding;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SRS0 addresses: written for a sender, read back to it while fresh, and never for an address this server did not write. */
class SrsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration VALIDITY = Duration.ofDays(21);
    private final Srs srs = new Srs("un secret de test", "ac-orleans-tours.fr");

    @Test
    void anAddressWrittenForASenderLeadsBackToIt() {
        String address = srs.forward("parent.eleve@exemple.fr", NOW);
        assertTrue(address.matches("SRS0=[A-Za-z0-9+/]{4}=[A-Z2-7]{2}=exemple\\.fr=parent\\.eleve@ac-orleans-tours\\.fr"), address);
        assertEquals(Optional.of("parent.eleve@exemple.fr"), srs.reverse(address, NOW, VALIDITY));
        assertEquals("parent.eleve@exemple.fr", srs.reverse(address.toUpperCase(), NOW.plus(Duration.ofDays(20)), VALIDITY)
                .orElseThrow().toLowerCase(), "case does not matter; 20 days later still");
    }

    @Test
    void anOldTamperedOrForeignAddressLeadsNowhere() {
        String address = srs.forward("parent@exemple.fr", NOW);
        assertEquals(Optional.empty(), srs.reverse(address, NOW.plus(Duration.ofDays(22)), VALIDITY), "too old");
        assertEquals(Optional.empty(), srs.reverse(address.replace("=parent@", "=pirate@"), NOW, VALIDITY), "another local part");
        assertEquals(Optional.empty(), srs.reverse(address.replace("exemple.fr=", "autre.fr="), NOW, VALIDITY), "another domain");
        assertEquals(Optional.empty(), new Srs("un autre secret", "ac-orleans-tours.fr").reverse(address, NOW, VALIDITY));
        assertEquals(Optional.empty(), srs.reverse(address.replace("@ac-orleans-tours.fr", "@exemple.fr"), NOW, VALIDITY));
        assertEquals(Optional.empty(), srs.reverse("lmartin@ac-orleans-tours.fr", NOW, VALIDITY));
        assertEquals(Optional.empty(), srs.reverse("SRS0=abcd=!!=exemple.fr=x@ac-orleans-tours.fr", NOW, VALIDITY));
    }
}

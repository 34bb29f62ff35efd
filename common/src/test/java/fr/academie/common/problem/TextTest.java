package fr.academie.common.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which texts PostgreSQL can keep as they were sent. */
class TextTest {

    @Test
    void ordinaryTextAccentsAndEmojiAreStorable() {
        assertTrue(Text.storable("Léna Martin — réunion 🎓 à 8 h"));
        assertTrue(Text.storable(""));
        assertTrue(Text.storable(null));
    }

    @Test
    void aNulCharacterOrAHalfSurrogatePairIsNot() {
        assertFalse(Text.storable("a\u0000b"));
        assertFalse(Text.storable("a\ud800b"), "a high surrogate alone");
        assertFalse(Text.storable("a\udc00"), "a low surrogate alone");
        assertFalse(Text.storable("\ud83c"), "a pair cut at the end");
        assertFalse(Text.storable("\udf93\ud83c"), "a pair in the wrong order");
    }
}

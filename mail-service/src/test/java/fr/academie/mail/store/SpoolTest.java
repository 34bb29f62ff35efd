package fr.academie.mail.store;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpoolTest {

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void smallAndLargeMessagesReadBackExactly() throws Exception {
        for (int size : new int[] {0, 1, Spool.IN_MEMORY - 1, Spool.IN_MEMORY, Spool.IN_MEMORY + 1, 3 * Spool.IN_MEMORY + 7}) {
            byte[] message = bytes(size);
            try (Spool spool = Spool.of(new ByteArrayInputStream(message), 10L * Spool.IN_MEMORY)) {
                assertEquals(size, spool.size());
                assertArrayEquals(message, spool.readAll(), "size " + size);
                assertArrayEquals(message, spool.readAll(), "read twice, size " + size);
            }
        }
    }

    @Test
    void aMessageAtTheLimitFitsAndOneByteMoreDoesNot() throws Exception {
        for (long limit : new long[] {10, Spool.IN_MEMORY, 2L * Spool.IN_MEMORY}) {
            try (Spool spool = Spool.of(new ByteArrayInputStream(bytes((int) limit)), limit)) {
                assertEquals(limit, spool.size());
            }
            assertThrows(Spool.TooLarge.class, () -> Spool.of(new ByteArrayInputStream(bytes((int) limit + 1)), limit));
        }
    }
}

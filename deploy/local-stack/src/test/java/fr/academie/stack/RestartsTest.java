package fr.academie.stack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When ./run starts a part again after it ended by itself, and when it gives up. */
class RestartsTest {

    private static final Instant NOON = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void theWaitDoublesAtEachEndAndTheFifthEndWithinTenMinutesGivesUp() {
        Restarts restarts = new Restarts();
        assertEquals(Optional.of(Duration.ofSeconds(1)), restarts.afterEndAt(NOON));
        assertEquals(Optional.of(Duration.ofSeconds(2)), restarts.afterEndAt(NOON.plusSeconds(60)));
        assertEquals(Optional.of(Duration.ofSeconds(4)), restarts.afterEndAt(NOON.plusSeconds(120)));
        assertEquals(Optional.of(Duration.ofSeconds(8)), restarts.afterEndAt(NOON.plusSeconds(180)));
        assertEquals(Optional.empty(), restarts.afterEndAt(NOON.plusSeconds(240)));
    }

    @Test
    void endsOlderThanTheWindowAreForgiven() {
        Restarts restarts = new Restarts();
        for (int i = 0; i < 4; i++) {
            restarts.afterEndAt(NOON.plusSeconds(i));
        }
        // eleven minutes later the four ends have left the window: this one is a first end again
        assertEquals(Optional.of(Duration.ofSeconds(1)), restarts.afterEndAt(NOON.plusSeconds(660)));
    }
}

package fr.academie.mail.mx;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SenderRateTest {

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        private Instant now = Instant.parse("2026-12-03T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anAddressPastItsMessagesOfTheMinuteWaitsWhileOthersGoOn() {
        Hand clock = new Hand();
        SenderRate rate = new SenderRate(3, clock);

        assertTrue(rate.allow("203.0.113.7"));
        assertTrue(rate.allow("203.0.113.7"));
        assertTrue(rate.allow("203.0.113.7"));
        assertFalse(rate.allow("203.0.113.7"), "the fourth within the minute waits");
        assertTrue(rate.allow("198.51.100.2"), "another server is not slowed by it");

        clock.advance(Duration.ofSeconds(59));
        assertFalse(rate.allow("203.0.113.7"), "still the same minute");
        clock.advance(Duration.ofSeconds(2));
        assertTrue(rate.allow("203.0.113.7"), "a minute after the first, one more may begin");
    }
}

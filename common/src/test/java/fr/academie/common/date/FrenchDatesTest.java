package fr.academie.common.date;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrenchDatesTest {

    @Test
    void theFirstOfTheMonthIsWrittenFirst() {
        assertEquals("1er septembre 2027", FrenchDates.day(LocalDate.of(2027, 9, 1)));
        assertEquals("12 mars 2027", FrenchDates.day(LocalDate.of(2027, 3, 12)));
    }

    @Test
    void anInstantIsReadInParisTime() {
        // 23:30 UTC on 31 March is already 1 April in Paris (summer time: UTC+2)
        Instant at = Instant.parse("2027-03-31T23:30:00Z");
        assertEquals("1er avril 2027", FrenchDates.day(at));
        assertEquals("1 h 30", FrenchDates.time(at));
        assertEquals("1er avril 2027 à 1 h 30", FrenchDates.dayAndTime(at));
    }

    @Test
    void hoursHaveNoLeadingZeroAndMinutesTwoDigits() {
        assertEquals("0 h 00", FrenchDates.time(Instant.parse("2026-11-30T23:00:00Z")));
        assertEquals("14 h 05", FrenchDates.time(Instant.parse("2026-11-30T13:05:00Z")));
    }

    @Test
    void aLetterNamesTheDayOfTheWeek() {
        assertEquals("lundi 30 novembre 2026 à 8 h 15", FrenchDates.weekdayAndTime(Instant.parse("2026-11-30T07:15:00Z")));
    }

    @Test
    void aLengthIsRoundedUpToTheMinute() {
        assertEquals("2 h 10 min", FrenchDates.length(Duration.ofMinutes(130)));
        assertEquals("1 j 3 h", FrenchDates.length(Duration.ofHours(27)));
        assertEquals("45 min", FrenchDates.length(Duration.ofSeconds(44 * 60 + 1)));
        assertEquals("1 h", FrenchDates.length(Duration.ofHours(1)));
        assertEquals("1 min", FrenchDates.length(Duration.ofSeconds(5)));
    }

    @Test
    void ranksAreOrdinals() {
        assertEquals("1er", FrenchDates.ordinal(1));
        assertEquals("7e", FrenchDates.ordinal(7));
    }
}

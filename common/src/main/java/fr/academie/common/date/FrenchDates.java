package fr.academie.common.date;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Dates and times as a French reader expects them in a sentence, in Paris time: "1er avril 2027", "lundi 30 novembre
 * 2026 à 8 h 15", "2 h 10 min". One way for every service (the Imprimerie nationale's: "1er" for the first of the
 * month, "8 h 15" with spaces, no leading zero on the hour), so that a date reads the same in every letter and error.
 */
public final class FrenchDates {

    /** The académie's clock: business dates and every time a person reads are in Europe/Paris. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.FRENCH);

    private FrenchDates() {
    }

    /** "1er septembre 2027", "12 mars 2027". */
    public static String day(LocalDate date) {
        return (date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth())) + " " + MONTH_YEAR.format(date);
    }

    /** The day of that instant in Paris: "1er septembre 2027". */
    public static String day(Instant at) {
        return day(LocalDate.ofInstant(at, PARIS));
    }

    /** "lundi 30 novembre 2026". */
    public static String dayWithWeekday(Instant at) {
        ZonedDateTime paris = at.atZone(PARIS);
        return WEEKDAY.format(paris) + " " + day(paris.toLocalDate());
    }

    /** "8 h 15", "14 h 30", "0 h 00", in Paris time. */
    public static String time(Instant at) {
        ZonedDateTime paris = at.atZone(PARIS);
        return paris.getHour() + " h " + String.format("%02d", paris.getMinute());
    }

    /** "1er avril 2027 à 14 h 30". */
    public static String dayAndTime(Instant at) {
        return day(at) + " à " + time(at);
    }

    /** "lundi 30 novembre 2026 à 8 h 15". */
    public static String weekdayAndTime(Instant at) {
        return dayWithWeekday(at) + " à " + time(at);
    }

    /** "2 h 10 min", "1 j 3 h", "45 min": a length of time, rounded up to the minute (at least one). */
    public static String length(Duration duration) {
        List<String> parts = new ArrayList<>();
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        if (minutes >= 1440) {
            parts.add(minutes / 1440 + " j");
        }
        if (minutes % 1440 >= 60) {
            parts.add(minutes % 1440 / 60 + " h");
        }
        if (minutes % 60 > 0) {
            parts.add(minutes % 60 + " min");
        }
        return String.join(" ", parts);
    }

    /** "1er" or "7e": an échelon, a rank. */
    public static String ordinal(int n) {
        return n == 1 ? "1er" : n + "e";
    }
}

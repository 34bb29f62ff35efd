package fr.academie.iprof.shared;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The académie's calendar: career dates and windows are days in Europe/Paris, written the French way. */
@ApplicationScoped
public class Paris {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    private final Clock clock = Clock.system(ZONE);

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    /** "1er septembre 2027", "12 mars 2027". */
    public static String format(LocalDate date) {
        return (date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth())) + " " + MONTH_YEAR.format(date);
    }

    /** "1er" or "7e": an échelon, a rank. */
    public static String ordinal(int n) {
        return n == 1 ? "1er" : n + "e";
    }
}

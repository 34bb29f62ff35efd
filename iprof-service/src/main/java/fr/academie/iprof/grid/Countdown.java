package fr.academie.iprof.grid;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A date and the days from today until it (negative once it has passed). */
public record Countdown(LocalDate date, long daysLeft) {

    public static Countdown until(LocalDate date, LocalDate today) {
        return new Countdown(date, ChronoUnit.DAYS.between(today, date));
    }
}

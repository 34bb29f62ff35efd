package fr.academie.iprof.shared;

import fr.academie.common.date.FrenchDates;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** The académie's clock: career dates and windows are days in Europe/Paris (written by {@link FrenchDates}). */
@ApplicationScoped
public class Paris {

    private final Clock clock = Clock.system(FrenchDates.PARIS);

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Instant now() {
        return clock.instant();
    }
}

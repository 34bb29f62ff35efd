package fr.academie.iprof.appraisal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A period a person has to act after a notification: it opens on the day of the notification and closes at the
 * end of the day {@code days} later (Europe/Paris). {@code daysLeft} is 0 on its last day and after it.
 */
public record Window(LocalDate opensOn, LocalDate closesOn, boolean open, long daysLeft) {

    /** 15 days to write observations on the report of a rendez-vous de carrière. */
    public static final int OBSERVATION_DAYS = 15;
    /** 30 days to appeal the final appraisal. */
    public static final int APPEAL_DAYS = 30;

    public static Window after(LocalDate notifiedOn, int days, LocalDate today) {
        LocalDate closesOn = notifiedOn.plusDays(days);
        boolean open = !today.isBefore(notifiedOn) && !today.isAfter(closesOn);
        return new Window(notifiedOn, closesOn, open, Math.max(0, ChronoUnit.DAYS.between(today, closesOn)));
    }
}

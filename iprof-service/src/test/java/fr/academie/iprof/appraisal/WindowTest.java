package fr.academie.iprof.appraisal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WindowTest {

    @ParameterizedTest(name = "notified {0}, {1} days, on {2}: open={3}, {4} days left")
    @CsvSource({
            // observations: 15 days after the notification, the day of the notification included
            "2026-03-01, 15, 2026-02-28, false, 16",
            "2026-03-01, 15, 2026-03-01, true,  15",
            "2026-03-01, 15, 2026-03-15, true,  1",
            "2026-03-01, 15, 2026-03-16, true,  0",
            "2026-03-01, 15, 2026-03-17, false, 0",
            // appeal: 30 days after the final appraisal, across the end of February of a leap year
            "2028-02-10, 30, 2028-03-11, true,  0",
            "2028-02-10, 30, 2028-03-12, false, 0",
            "2027-02-10, 30, 2027-03-12, true,  0",
            "2027-02-10, 30, 2027-03-13, false, 0",
            // across the change to summer time (29 March 2026 in Paris): whole days all the same
            "2026-03-20, 15, 2026-04-04, true,  0",
    })
    void aWindowIsOpenFromTheNotificationToTheEndOfItsLastDay(LocalDate notifiedOn, int days, LocalDate today,
                                                             boolean open, long daysLeft) {
        Window window = Window.after(notifiedOn, days, today);
        assertEquals(open, window.open());
        assertEquals(daysLeft, window.daysLeft());
        assertEquals(notifiedOn.plusDays(days), window.closesOn());
    }
}

package fr.academie.iprof.grid;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdvancementGridTest {

    /** The classe normale grid of the teaching corps (PPCR, 2017), as V3 ships it. */
    static final AdvancementGrid CLASSE_NORMALE = new AdvancementGrid("Professeur certifié", "Classe normale",
            LocalDate.of(2017, 9, 1), "PPCR", List.of(
            new AdvancementGrid.Step(1, 12, null), new AdvancementGrid.Step(2, 12, null),
            new AdvancementGrid.Step(3, 24, null), new AdvancementGrid.Step(4, 24, null),
            new AdvancementGrid.Step(5, 30, null), new AdvancementGrid.Step(6, 36, 24),
            new AdvancementGrid.Step(7, 36, null), new AdvancementGrid.Step(8, 42, 30),
            new AdvancementGrid.Step(9, 48, null), new AdvancementGrid.Step(10, 48, null),
            new AdvancementGrid.Step(11, null, null)));

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @ParameterizedTest(name = "{0}e échelon since {1}: {2}e on {3} (accelerated: {4})")
    @CsvSource(nullValues = "-", value = {
            "1,  2026-09-01, 2,  2027-09-01, -",
            "2,  2025-09-01, 3,  2026-09-01, -",
            "3,  2025-03-15, 4,  2027-03-15, -",
            "4,  2024-09-01, 5,  2026-09-01, -",
            "5,  2024-09-01, 6,  2027-03-01, -",
            "6,  2025-09-01, 7,  2028-09-01, 2027-09-01",
            "7,  2025-09-01, 8,  2028-09-01, -",
            "8,  2024-03-01, 9,  2027-09-01, 2026-09-01",
            "9,  2023-01-01, 10, 2027-01-01, -",
            "10, 2022-09-01, 11, 2026-09-01, -",
            // leap years: a 29 February start ends on the 28th of a common year, and on the 29th of a leap year
            "2,  2024-02-29, 3,  2025-02-28, -",
            "3,  2024-02-29, 4,  2026-02-28, -",
            "4,  2024-02-29, 5,  2026-02-28, -",
            "9,  2024-02-29, 10, 2028-02-29, -",
            "6,  2024-02-29, 7,  2027-02-28, 2026-02-28",
            // an end of month stays an end of month where it can
            "5,  2025-08-31, 6,  2028-02-29, -",
    })
    void theNextEchelonComesAfterTheGridsMonths(int echelon, LocalDate since, int next, LocalDate normal,
                                               LocalDate accelerated) {
        NextEchelon projection = CLASSE_NORMALE.next(echelon, since, TODAY).orElseThrow();
        assertEquals(next, projection.echelon());
        assertEquals(normal, projection.normal().date());
        assertEquals(accelerated, projection.accelerated() == null ? null : projection.accelerated().date());
    }

    @Test
    void theCountdownIsPositiveBeforeTheDateAndNegativeOnceItHasPassed() {
        NextEchelon future = CLASSE_NORMALE.next(7, LocalDate.of(2025, 9, 1), TODAY).orElseThrow();
        assertEquals(641, future.normal().daysLeft(), "30 Nov 2026 → 1 Sep 2028, 2028 being a leap year");
        NextEchelon past = CLASSE_NORMALE.next(8, LocalDate.of(2024, 3, 1), TODAY).orElseThrow();
        assertEquals(-90, past.accelerated().daysLeft(), "the accelerated date, 1 Sep 2026, has passed");
        assertEquals(275, past.normal().daysLeft());
        assertEquals(0, CLASSE_NORMALE.next(7, TODAY.minusYears(3), TODAY).orElseThrow().normal().daysLeft());
    }

    @Test
    void theLastEchelonAndAnEchelonOffTheGridHaveNoNextOne() {
        assertTrue(CLASSE_NORMALE.next(11, LocalDate.of(2020, 1, 1), TODAY).isEmpty());
        assertTrue(CLASSE_NORMALE.next(12, LocalDate.of(2020, 1, 1), TODAY).isEmpty());
        assertNull(CLASSE_NORMALE.next(7, LocalDate.of(2020, 1, 1), TODAY).orElseThrow().accelerated());
    }

    @Test
    void anEchelonFurtherAwayIsReachedAfterTheMonthsOfEveryStepBetween() {
        // 7th since 1 Sep 2025: 8th after 36 months, 9th after 42 more
        assertEquals(Optional.of(LocalDate.of(2032, 3, 1)), CLASSE_NORMALE.reached(7, LocalDate.of(2025, 9, 1), 9));
        assertEquals(Optional.of(LocalDate.of(2025, 9, 1)), CLASSE_NORMALE.reached(7, LocalDate.of(2025, 9, 1), 7));
        // months are added up first: 31 Aug 2025 + 30 + 36 + 36 + 42 months = 31 Aug 2037, where step by step the
        // first February would have clipped it to the 28th for good
        assertEquals(Optional.of(LocalDate.of(2037, 8, 31)), CLASSE_NORMALE.reached(5, LocalDate.of(2025, 8, 31), 9));
        assertTrue(CLASSE_NORMALE.reached(7, LocalDate.of(2025, 9, 1), 6).isEmpty(), "behind");
        assertTrue(CLASSE_NORMALE.reached(10, LocalDate.of(2025, 9, 1), 12).isEmpty(), "beyond the grade");
    }
}

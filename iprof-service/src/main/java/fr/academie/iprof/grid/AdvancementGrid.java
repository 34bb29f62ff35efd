package fr.academie.iprof.grid;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The version of a corps and grade's advancement grid in force: how many months each échelon lasts at the
 * normal rhythm and, where the rules have one, at the accelerated rhythm. The last échelon has no duration.
 */
public record AdvancementGrid(String corps, String grade, LocalDate effectiveFrom, String source, List<Step> steps) {

    /** One échelon: its months at the normal rhythm (null on the last one) and at the accelerated one (or null). */
    public record Step(int echelon, Integer normalMonths, Integer acceleratedMonths) {
    }

    public Optional<Step> step(int echelon) {
        return steps.stream().filter(step -> step.echelon() == echelon).findFirst();
    }

    /** The next échelon after {@code echelon}, held since {@code since}; empty on the last échelon or off the grid. */
    public Optional<NextEchelon> next(int echelon, LocalDate since, LocalDate today) {
        return step(echelon).filter(step -> step.normalMonths() != null).map(step -> {
            Integer accelerated = step.acceleratedMonths();
            return new NextEchelon(echelon + 1, Countdown.until(since.plusMonths(step.normalMonths()), today),
                    step.normalMonths(), accelerated == null ? null : Countdown.until(since.plusMonths(accelerated), today),
                    accelerated);
        });
    }

    /**
     * The day {@code target} is reached at the normal rhythm from {@code echelon} held since {@code since}; the
     * date the current échelon began when the target is this one; empty when the grid does not lead there.
     */
    public Optional<LocalDate> reached(int echelon, LocalDate since, int target) {
        if (target < echelon) {
            return Optional.empty();
        }
        int months = 0;
        for (int current = echelon; current < target; current++) {
            Optional<Step> step = step(current);
            if (step.isEmpty() || step.get().normalMonths() == null) {
                return Optional.empty();
            }
            months += step.get().normalMonths();
        }
        // months are added up before being counted from the start, so that a 31st is not clipped at each step
        return Optional.of(since.plusMonths(months));
    }
}

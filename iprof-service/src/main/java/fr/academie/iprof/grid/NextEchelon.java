package fr.academie.iprof.grid;

/**
 * The next échelon and when it is reached from the current one: at the normal rhythm, and at the accelerated
 * rhythm where the grid has one for this échelon (null otherwise); the months each rhythm takes.
 */
public record NextEchelon(int echelon, Countdown normal, int normalMonths, Countdown accelerated, Integer acceleratedMonths) {
}

package fr.academie.colibris.catalogue;

/**
 * One step of a validation circuit: who decides (a realm role) and over whom — the requester's school
 * ({@code UAI}: a head of school decides for the staff of their own school) or the whole académie.
 */
public record Step(String code, String label, String role, Scope scope, int dueDays) {

    public enum Scope {
        UAI,
        ACADEMIE
    }
}

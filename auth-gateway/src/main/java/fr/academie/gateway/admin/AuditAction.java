package fr.academie.gateway.admin;

/** What an administrator did, as the audit log names it (stable names in the API, French labels for people). */
public enum AuditAction {
    CREATE("Création du compte"),
    IMPORT("Import de comptes"),
    DISABLE("Désactivation du compte"),
    ENABLE("Réactivation du compte"),
    OTP_RESET("Réinitialisation de la clé OTP"),
    UNLOCK("Déverrouillage du compte");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package fr.academie.gateway.admin;

/** What an administrator did (or a person, for her own data), as the audit log names it (stable names in the API, French labels for people). */
public enum AuditAction {
    CREATE("Création du compte"),
    IMPORT("Import de comptes"),
    DISABLE("Désactivation du compte"),
    ENABLE("Réactivation du compte"),
    OTP_RESET("Réinitialisation de la clé OTP"),
    UNLOCK("Déverrouillage du compte"),
    /** An import gave the date of birth an existing account lacked (what "Mot de passe oublié ?" asks with the NUMEN). */
    BIRTH_DATE("Ajout de la date de naissance"),
    /** A person asked for her data (GDPR article 15): she is the actor and the target. */
    DATA_REQUESTED("Demande de ses données personnelles"),
    DATA_DELIVERED("Remise de ses données personnelles");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

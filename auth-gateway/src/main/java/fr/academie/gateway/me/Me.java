package fr.academie.gateway.me;

import java.util.List;

/** Who is signed in, as the SPA shows it. {@code uai} is null for staff without a school. */
public record Me(String username, String displayName, String email, List<String> roles, String uai) {

    /** The académie's roles, in the order the UI lists them; technical roles of Keycloak are left out. */
    static final List<String> ACADEMIE_ROLES = List.of("personnel", "enseignant", "gestionnaire-rh",
            "chef-etablissement", "inspecteur", "admin-academique");
}

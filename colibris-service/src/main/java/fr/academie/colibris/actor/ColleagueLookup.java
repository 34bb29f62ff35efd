package fr.academie.colibris.actor;

import fr.academie.common.directory.KeycloakDirectory;
import fr.academie.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/** A colleague a person names by identifier in a form: a delegate, a colleague asked for an opinion. */
@ApplicationScoped
public class ColleagueLookup {

    private final KeycloakDirectory directory;

    public ColleagueLookup(KeycloakDirectory directory) {
        this.directory = directory;
    }

    /**
     * The enabled account of that identifier, with its roles; a 400 naming the form's {@code field} when there is none.
     *
     * @throws KeycloakDirectory.Unavailable when Keycloak cannot be asked
     */
    public KeycloakDirectory.Colleague named(String username, String field) {
        return directory.byUsername(username).orElseThrow(() -> ProblemException.invalid(
                "urn:portail:colibris:unknown-person", field,
                "Aucun compte actif n'a l'identifiant « " + username.strip().toLowerCase(Locale.ROOT) + " »."));
    }
}

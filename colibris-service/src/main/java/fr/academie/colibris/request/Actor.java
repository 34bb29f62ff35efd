package fr.academie.colibris.request;

import fr.academie.colibris.catalogue.Step;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Objects;
import java.util.Set;

/** Who acts on a request, as their token says: account id, name, realm roles, school ({@code uai}). */
public record Actor(String id, String name, Set<String> roles, String uai) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** The caller: roles as the security identity has them (the realm's roles of the token), school from {@code uai}. */
    public static Actor of(JsonWebToken token, SecurityIdentity identity) {
        String name = token.getClaim("name");
        return new Actor(token.getSubject(), name != null ? name : token.getClaim("preferred_username"),
                identity.getRoles(), token.getClaim("uai"));
    }

    /** Whether this step is theirs to decide for that request: the step's role, and the requester's school when scoped. */
    public boolean decides(Step step, HrRequest request) {
        return roles.contains(step.role())
                && (step.scope() == Step.Scope.ACADEMIE || (uai != null && Objects.equals(uai, request.uai)));
    }
}

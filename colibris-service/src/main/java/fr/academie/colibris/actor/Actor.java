package fr.academie.colibris.actor;

import fr.academie.colibris.catalogue.Step;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who acts on a request, as their token says: account id, name, realm roles, school ({@code uai}); and the decisions
 * colleagues have delegated to them for today.
 */
public record Actor(String id, String name, Set<String> roles, String uai, List<Delegated> delegated) {

    /** A colleague's role in their school, held by delegation: the decisions are theirs, made "par délégation". */
    public record Delegated(String role, String uai, String delegatorName) {
    }

    public Actor {
        roles = Set.copyOf(roles);
        delegated = List.copyOf(delegated);
    }

    public Actor(String id, String name, Set<String> roles, String uai) {
        this(id, name, roles, uai, List.of());
    }

    /** The same person, holding these delegations as well. */
    public Actor holding(List<Delegated> delegations) {
        return new Actor(id, name, roles, uai, delegations);
    }

    /** The caller: roles as the security identity has them (the realm's roles of the token), school from {@code uai}. */
    public static Actor of(JsonWebToken token, SecurityIdentity identity) {
        String name = token.getClaim("name");
        return new Actor(token.getSubject(), name != null ? name : token.getClaim("preferred_username"),
                identity.getRoles(), token.getClaim("uai"));
    }

    /**
     * Whether this step is theirs to decide for a request from that school: the step's role, and the requester's
     * school when scoped — their own, or one delegated to them.
     */
    public boolean decides(Step step, String requesterUai) {
        return byRight(step, requesterUai) || delegation(step, requesterUai).isPresent();
    }

    /** The delegation through which they decide that step, when it is not theirs by right. */
    public Optional<Delegated> delegation(Step step, String requesterUai) {
        return byRight(step, requesterUai) ? Optional.empty() : delegated.stream().filter(d -> d.role().equals(step.role())
                && (step.scope() == Step.Scope.ACADEMIE || Objects.equals(d.uai(), requesterUai))).findFirst();
    }

    /** The schools whose steps of that role they decide: their own when they hold it, and those delegated. */
    public Set<String> schoolsFor(String role) {
        Set<String> schools = new HashSet<>();
        if (roles.contains(role) && uai != null) {
            schools.add(uai);
        }
        delegated.stream().filter(d -> d.role().equals(role) && d.uai() != null).forEach(d -> schools.add(d.uai()));
        return schools;
    }

    /** Whether they decide the académie-wide steps of that role, by right or by delegation. */
    public boolean holds(String role) {
        return roles.contains(role) || delegated.stream().anyMatch(d -> d.role().equals(role));
    }

    private boolean byRight(Step step, String requesterUai) {
        return roles.contains(step.role())
                && (step.scope() == Step.Scope.ACADEMIE || (uai != null && Objects.equals(uai, requesterUai)));
    }
}

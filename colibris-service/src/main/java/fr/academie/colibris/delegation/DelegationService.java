package fr.academie.colibris.delegation;

import fr.academie.colibris.actor.Actor;
import fr.academie.colibris.actor.ColleagueLookup;
import fr.academie.colibris.catalogue.Catalogue;
import fr.academie.common.date.FrenchDates;
import fr.academie.common.directory.KeycloakDirectory;
import fr.academie.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A decider's delegations (an absence): who may give one (a deciding role they hold, to a colleague of the same role,
 * for days not past), the lists, the revocation, and the caller as they act today, with what is delegated to them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DelegationService {

    private final ColleagueLookup colleagues;
    private final Catalogue catalogue;

    public DelegationService(ColleagueLookup colleagues, Catalogue catalogue) {
        this.colleagues = colleagues;
        this.catalogue = catalogue;
    }

    /** The caller, with the decisions colleagues have delegated to them for today. */
    public Actor caller(JsonWebToken token, SecurityIdentity identity) {
        return Actor.of(token, identity).holding(Delegation.<Delegation>list(
                "delegateId = ?1 and revokedAt is null and startsOn <= ?2 and endsOn >= ?2", token.getSubject(), today())
                .stream().map(d -> new Actor.Delegated(d.role, d.delegatorUai, d.delegatorName)).toList());
    }

    /** Those the person gave and those they hold, not ended nor revoked. */
    public DelegationView.Lists of(String personId) {
        LocalDate today = today();
        String query = "revokedAt is null and endsOn >= ?2 and %s = ?1 order by startsOn, id";
        return new DelegationView.Lists(
                Delegation.<Delegation>list(query.formatted("delegatorId"), personId, today).stream()
                        .map(d -> DelegationView.of(d, today)).toList(),
                Delegation.<Delegation>list(query.formatted("delegateId"), personId, today).stream()
                        .map(d -> DelegationView.of(d, today)).toList());
    }

    /** Every delegation the person gave or held, ended and revoked ones included: her part of "Mes données". */
    public DelegationView.Lists everyOf(String personId) {
        LocalDate today = today();
        String query = "%s = ?1 order by startsOn, id";
        return new DelegationView.Lists(
                Delegation.<Delegation>list(query.formatted("delegatorId"), personId).stream()
                        .map(d -> DelegationView.of(d, today)).toList(),
                Delegation.<Delegation>list(query.formatted("delegateId"), personId).stream()
                        .map(d -> DelegationView.of(d, today)).toList());
    }

    /** Checks the rules, asks the directory who the delegate is (outside any transaction), then records it. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public DelegationView give(Actor me, NewDelegation input) {
        boolean deciding = catalogue.types().stream().flatMap(t -> t.definition.circuit().stream())
                .anyMatch(step -> step.role().equals(input.role()));
        if (!deciding || !me.roles().contains(input.role())) {
            throw ProblemException.unprocessable("urn:portail:colibris:not-your-role", "Délégation impossible",
                    "Vous ne pouvez déléguer que les décisions d'un rôle que vous avez.", "role");
        }
        LocalDate today = today();
        if (input.to().isBefore(input.from()) || input.to().isBefore(today)) {
            throw ProblemException.invalid("urn:portail:colibris:invalid-period", "to",
                    "Le dernier jour doit suivre le premier, et ne pas être passé.");
        }
        KeycloakDirectory.Colleague colleague = colleagues.named(input.delegate(), "delegate");
        if (colleague.person().id().equals(me.id()) || !colleague.roles().contains(input.role())) {
            throw ProblemException.unprocessable("urn:portail:colibris:not-a-colleague", "Délégation impossible",
                    "La délégation se donne à un ou une collègue qui a le même rôle ; ce n'est pas le cas de "
                            + colleague.person().name() + ".", "delegate");
        }
        return DelegationView.of(record(me, colleague.person(), input), today);
    }

    @Transactional
    Delegation record(Actor me, KeycloakDirectory.Person delegate, NewDelegation input) {
        Delegation delegation = new Delegation();
        delegation.id = UUID.randomUUID();
        delegation.delegatorId = me.id();
        delegation.delegatorName = me.name();
        delegation.delegatorUai = me.uai();
        delegation.delegateId = delegate.id();
        delegation.delegateName = delegate.name();
        delegation.role = input.role();
        delegation.startsOn = input.from();
        delegation.endsOn = input.to();
        delegation.createdAt = Instant.now();
        delegation.persist();
        return delegation;
    }

    /** The delegator ends it now; anyone else is told it does not exist. */
    @Transactional
    public void revoke(String personId, UUID id) {
        Delegation delegation = Delegation.<Delegation>findByIdOptional(id)
                .filter(d -> d.delegatorId.equals(personId) && d.revokedAt == null)
                .orElseThrow(() -> ProblemException.notFound("urn:portail:colibris:delegation-not-found",
                        "Cette délégation n'existe pas."));
        delegation.revokedAt = Instant.now();
    }

    private static LocalDate today() {
        return LocalDate.now(FrenchDates.PARIS);
    }
}

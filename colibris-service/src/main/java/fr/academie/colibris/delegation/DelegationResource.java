package fr.academie.colibris.request;

import fr.academie.colibris.catalogue.Campaign;
import fr.academie.colibris.catalogue.Catalogue;
import fr.academie.colibris.directory.Directory;
import fr.academie.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A decider's delegations (an absence): given to a colleague of the same role for a range of days, listed, revoked.
 * While one runs, the colleague sees the delegator's requests in "À traiter" and decides them "par délégation".
 */
@Path("/delegations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DelegationResource {

    private final Directory directory;
    private final Catalogue catalogue;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public DelegationResource(Directory directory, Catalogue catalogue, JsonWebToken token, SecurityIdentity identity) {
        this.directory = directory;
        this.catalogue = catalogue;
        this.token = token;
        this.identity = identity;
    }

    /** To whom (their identifier), which of the caller's deciding roles, from and to which day (Paris, included). */
    public record NewDelegation(@NotBlank(message = "indiquez l'identifiant de la personne (ex. mdupont)") String delegate,
                                @NotBlank(message = "indiquez le rôle délégué") String role,
                                @NotNull(message = "indiquez le premier jour") LocalDate from,
                                @NotNull(message = "indiquez le dernier jour") LocalDate to) {
    }

    public record DelegationView(UUID id, String delegatorName, String delegateName, String role, LocalDate from,
                                 LocalDate to, boolean active) {

        static DelegationView of(Delegation d, LocalDate today) {
            return new DelegationView(d.id, d.delegatorName, d.delegateName, d.role, d.startsOn, d.endsOn,
                    !d.startsOn.isAfter(today) && !d.endsOn.isBefore(today));
        }
    }

    /** Those the caller gave and those they hold, not ended nor revoked. */
    public record Delegations(List<DelegationView> given, List<DelegationView> received) {
    }

    @GET
    public Delegations list() {
        LocalDate today = LocalDate.now(Campaign.PARIS);
        String query = "revokedAt is null and endsOn >= ?2 and %s = ?1 order by startsOn, id";
        return new Delegations(
                Delegation.<Delegation>list(query.formatted("delegatorId"), token.getSubject(), today).stream()
                        .map(d -> DelegationView.of(d, today)).toList(),
                Delegation.<Delegation>list(query.formatted("delegateId"), token.getSubject(), today).stream()
                        .map(d -> DelegationView.of(d, today)).toList());
    }

    @POST
    @ResponseStatus(201)
    public DelegationView give(@Valid @NotNull NewDelegation input) {
        Actor me = Actor.of(token, identity);
        boolean deciding = catalogue.types().stream().flatMap(t -> t.definition.circuit().stream())
                .anyMatch(step -> step.role().equals(input.role()));
        if (!deciding || !me.roles().contains(input.role())) {
            throw new ProblemException("urn:portail:colibris:not-your-role", "Délégation impossible", 422,
                    "Vous ne pouvez déléguer que les décisions d'un rôle que vous avez.", "role");
        }
        LocalDate today = LocalDate.now(Campaign.PARIS);
        if (input.to().isBefore(input.from()) || input.to().isBefore(today)) {
            throw ProblemException.invalid("urn:portail:colibris:invalid-period", "to",
                    "Le dernier jour doit suivre le premier, et ne pas être passé.");
        }
        Directory.Colleague colleague = directory.named(input.delegate(), "delegate");
        if (colleague.person().id().equals(me.id()) || !colleague.roles().contains(input.role())) {
            throw new ProblemException("urn:portail:colibris:not-a-colleague", "Délégation impossible", 422,
                    "La délégation se donne à un ou une collègue qui a le même rôle ; ce n'est pas le cas de "
                            + colleague.person().name() + ".", "delegate");
        }
        return DelegationView.of(save(me, colleague.person(), input), today);
    }

    @Transactional
    Delegation save(Actor me, Directory.Person delegate, NewDelegation input) {
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
    @DELETE
    @Path("{id}")
    @ResponseStatus(204)
    @Transactional
    public void revoke(@PathParam("id") UUID id) {
        Delegation delegation = Delegation.<Delegation>findByIdOptional(id)
                .filter(d -> d.delegatorId.equals(token.getSubject()) && d.revokedAt == null)
                .orElseThrow(() -> ProblemException.notFound("urn:portail:colibris:delegation-not-found",
                        "Cette délégation n'existe pas."));
        delegation.revokedAt = Instant.now();
    }
}

package fr.academie.gateway.data;

import fr.academie.common.page.Page;
import fr.academie.common.problem.ProblemException;
import fr.academie.common.realm.Roles;
import fr.academie.gateway.account.AccountResource;
import fr.academie.gateway.account.ApplicationResource;
import fr.academie.gateway.account.KeycloakAccounts;
import fr.academie.gateway.admin.AuditLog;
import fr.academie.gateway.me.Me;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/compte/donnees}: "Mes données" — the signed-in person asks for everything the portal holds about her,
 * follows the archive's preparation, and downloads it once. Always her own requests (the ID token's subject).
 */
@Path("/api/compte/donnees")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DataRequestResource {

    /** The whole year the sign-in journal keeps. */
    private static final int JOURNAL_DAYS = 366;

    private final DataExport exports;
    private final KeycloakAccounts accounts;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final JsonWebToken idToken;
    private final String portalClient;

    public DataRequestResource(DataExport exports, KeycloakAccounts accounts, AuditLog audit, SecurityIdentity identity,
                               JsonWebToken idToken, @ConfigProperty(name = "quarkus.oidc.client-id") String portalClient) {
        this.exports = exports;
        this.accounts = accounts;
        this.audit = audit;
        this.identity = identity;
        this.idToken = idToken;
        this.portalClient = portalClient;
    }

    @GET
    public Page<DataExport.View> list() {
        return Page.all(exports.of(idToken.getSubject()));
    }

    /** 202: the archive is being made; she is told in her mailbox when it is ready. */
    @POST
    public Response request() {
        Person person = person();
        return Response.accepted(exports.request(person, account(person),
                identity.getCredential(AccessTokenCredential.class).getToken())).build();
    }

    @GET
    @Path("{id}/archive")
    @Produces("application/zip")
    public Response download(@PathParam("id") UUID id) {
        Person person = person();
        exports.claim(person, id).orElseThrow(() -> ProblemException.notFound("urn:portail:gateway:unknown-data-request",
                "Cette demande de données n'existe pas."));
        StreamingOutput archive = out -> {
            ArchiveChunks.copy(id, out);
            ArchiveChunks.delete(id); // delivered: the portal keeps no second copy of it
        };
        return Response.ok(archive).header("Content-Disposition", "attachment; filename=\"mes-donnees-"
                + person.identifier() + "-" + LocalDate.now() + ".zip\"").header("Cache-Control", "no-store").build();
    }

    /** Her account's part of the archive, read now, while her session is here: file name → record. */
    private Map<String, Object> account(Person person) {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("compte/identite.json", new Me(person.identifier(), person.name(), idToken.getClaim("email"),
                Roles.heldBy(identity::hasRole), idToken.getClaim("uai")));
        files.put("compte/connexions.json", accounts.signIns(person.id(), JOURNAL_DAYS).stream()
                .map(AccountResource.SignIn::of).toList());
        files.put("compte/sessions.json", accounts.sessions(person.id()).stream()
                .map(session -> AccountResource.Device.of(session, idToken.getClaim("sid"))).toList());
        files.put("compte/applications.json", accounts.applications(person.id()).stream()
                .map(application -> ApplicationResource.Application.of(application, portalClient)).toList());
        files.put("compte/securite.json", AccountResource.Security.of(accounts.security(person.id())));
        files.put("compte/journal-administratif.json", Page.every(after -> audit.list(
                new AuditLog.Filter(null, person.identifier(), null, null, null), 200, after)));
        files.put("compte/demandes-de-donnees.json", exports.of(person.id()));
        return files;
    }

    private Person person() {
        return new Person(idToken.getSubject(), idToken.getClaim("preferred_username"), idToken.getClaim("name"),
                idToken.getClaim("given_name"));
    }
}

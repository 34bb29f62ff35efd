package fr.academie.gateway.admin;

import fr.academie.common.page.Page;
import fr.academie.common.problem.ProblemException;
import fr.academie.common.realm.Roles;
import fr.academie.gateway.account.ManagedAccount;
import fr.academie.gateway.admin.AuditLog.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/admin/accounts}: the académie's administrators ({@code admin-academique}) create accounts one by one
 * or from a file, find them, disable and enable them, reset their second factor and unlock them. Each change is in
 * the audit log ({@link AuditResource}).
 */
@Path("/api/admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    private static final int SEARCH_MAX = 50;

    private final Provisioning provisioning;
    private final JsonWebToken idToken;

    public AdminResource(Provisioning provisioning, JsonWebToken idToken) {
        this.provisioning = provisioning;
        this.idToken = idToken;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewAccount request) {
        if (request == null) {
            throw ProblemException.invalid("urn:portail:invalid-input", "body", "Le corps de la requête est obligatoire.");
        }
        Provisioning.Created created = provisioning.create(actor(), request);
        return Response.created(URI.create("/api/admin/accounts/" + created.id())).entity(created).build();
    }

    /** Accounts whose identifier, names or address contain the text (at most 50). */
    @GET
    public Page<ManagedAccount> search(@QueryParam("q") String text) {
        if (text == null || text.strip().length() < 2) {
            throw ProblemException.invalid("urn:portail:gateway:search-too-short", "q",
                    "Saisissez au moins 2 caractères du nom, de l'identifiant ou de l'adresse.");
        }
        return Page.all(provisioning.search(text.strip(), SEARCH_MAX));
    }

    @GET
    @Path("{id}")
    public ManagedAccount account(@PathParam("id") String id) {
        return found(known(id).flatMap(provisioning::account));
    }

    /** A CSV file (see {@link AccountFile}); {@code dryRun=true} says what would happen and changes nothing. */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public Provisioning.ImportReport importFile(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun, byte[] file) {
        return provisioning.importFile(actor(), file == null ? new byte[0] : file, dryRun);
    }

    @POST
    @Path("{id}/disable")
    public ManagedAccount disable(@PathParam("id") String id) {
        return found(known(id).flatMap(account -> provisioning.setEnabled(actor(), account, false)));
    }

    @POST
    @Path("{id}/enable")
    public ManagedAccount enable(@PathParam("id") String id) {
        return found(known(id).flatMap(account -> provisioning.setEnabled(actor(), account, true)));
    }

    @POST
    @Path("{id}/otp-reset")
    public ManagedAccount resetOtp(@PathParam("id") String id) {
        return found(known(id).flatMap(account -> provisioning.resetOtp(actor(), account)));
    }

    @POST
    @Path("{id}/unlock")
    public ManagedAccount unlock(@PathParam("id") String id) {
        return found(known(id).flatMap(account -> provisioning.unlock(actor(), account)));
    }

    private Actor actor() {
        return new Actor(idToken.getSubject(), idToken.getClaim("preferred_username"));
    }

    /** Keycloak's account ids are UUIDs: anything else is no account (and never reaches Keycloak's URLs). */
    private static Optional<String> known(String id) {
        try {
            return Optional.of(UUID.fromString(id).toString());
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static ManagedAccount found(Optional<ManagedAccount> account) {
        return account.orElseThrow(() -> ProblemException.notFound("urn:portail:gateway:unknown-account",
                "Ce compte n'existe pas."));
    }
}

package fr.academie.mail.signin;

import fr.academie.common.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /internal/access-revocations}: the gateway, holding this service's {@code comptes} role, tells that an
 * account was disabled or "ce n'était pas moi" was said: its application passwords are revoked and its open IMAP
 * sessions end within seconds, whatever they signed in with.
 */
@Path("/internal/access-revocations")
@RolesAllowed("comptes")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccessRevocationResource {

    private final AppPasswordService passwords;

    public AccessRevocationResource(AppPasswordService passwords) {
        this.passwords = passwords;
    }

    /** How many application passwords were revoked by it. */
    public record Revoked(int appPasswords) {
    }

    @POST
    public Revoked revoke(@NotNull(message = Problem.NO_BODY) @Valid AccessRevocationInput input) {
        return new Revoked(passwords.revokeAccess(input.accountId(), input.reason().revocation));
    }
}

package fr.academie.gateway.account;

import fr.academie.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything the gateway asks of Keycloak about accounts, in one place: the admin client (as
 * {@code portail-admin}, with view/query/manage-users and view-events only) and the sign-in journal of
 * keycloak-extensions. Every call is scoped to one account; a session of another account is "not found".
 * Keycloak failing or refusing becomes a 503 problem with an incident reference, never the raw error.
 */
@ApplicationScoped
public class KeycloakAccounts {

    private static final Logger LOG = Logger.getLogger(KeycloakAccounts.class);
    private static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    private static final String OTP = "otp";
    private static final String RECOVERY_CODES = "recovery-authn-code";
    /** An alert's link works as long as Keycloak keeps the sign-in in its journal. */
    private static final int REPORTABLE_DAYS = 180;

    private final Keycloak keycloak;
    private final PortailAdminApi journal;
    private final String realm;
    private final MailAccess mail;

    public KeycloakAccounts(Keycloak keycloak, @RestClient PortailAdminApi journal,
                            @ConfigProperty(name = "quarkus.keycloak.admin-client.realm") String realm, MailAccess mail) {
        this.keycloak = keycloak;
        this.journal = journal;
        this.realm = realm;
        this.mail = mail;
    }

    public List<PortailAdminApi.Session> sessions(String accountId) {
        return call("list sessions", () -> journal.sessions(realm, accountId));
    }

    public List<PortailAdminApi.SignIn> signIns(String accountId, int days) {
        return call("list sign-ins", () -> journal.signIns(realm, accountId, days));
    }

    /** Ends one session of the account; empty when the account has no such session. */
    public Optional<String> endSession(String accountId, String sessionId) {
        boolean owned = sessions(accountId).stream().anyMatch(session -> session.id().equals(sessionId));
        if (!owned) {
            return Optional.empty();
        }
        deleteSession(sessionId);
        return Optional.of(sessionId);
    }

    /** Ends every session of the account but the one given (none when null); returns how many were ended. */
    public int endOtherSessions(String accountId, String keptSessionId) {
        List<String> others = sessions(accountId).stream().map(PortailAdminApi.Session::id)
                .filter(id -> !id.equals(keptSessionId)).toList();
        others.forEach(this::deleteSession);
        return others.size();
    }

    /** The applications the account signed in to (in the journal's year) or has a session in, with what they receive. */
    public List<PortailAdminApi.Application> applications(String accountId) {
        return call("list applications", () -> journal.applications(realm, accountId));
    }

    /** Ends the account's sessions in one of its applications; empty when it has signed in to no such application. */
    public Optional<String> endApplicationSessions(String accountId, String clientId) {
        if (applications(accountId).stream().noneMatch(application -> application.clientId().equals(clientId))) {
            return Optional.empty();
        }
        call("end an application's sessions", () -> {
            journal.endApplicationSessions(realm, accountId, clientId);
            return null;
        });
        return Optional.of(clientId);
    }

    public PortailAdminApi.Security security(String accountId) {
        return call("read the credentials", () -> journal.security(realm, accountId));
    }

    /** Passwords expiring in [from, to), epoch milliseconds. */
    public List<PortailAdminApi.Expiry> passwordExpiries(long from, long to) {
        return call("list expiring passwords", () -> journal.passwordExpiries(realm, from, to));
    }

    /**
     * Removes one of the account's OTP devices. Empty when the account has no such device; a refusal when the
     * person's profile requires a second factor (then only an administrator resets it).
     */
    public Optional<String> removeOtp(String accountId, String credentialId) {
        PortailAdminApi.Security security = security(accountId);
        if (security.otp().stream().noneMatch(device -> device.id().equals(credentialId))) {
            return Optional.empty();
        }
        if (security.otpRequired()) {
            throw ProblemException.conflict("urn:portail:gateway:otp-required", "Double authentification obligatoire",
                    "Votre profil impose la double authentification : vous ne pouvez pas la retirer. Si vous avez perdu "
                            + "votre téléphone, demandez à l'administrateur de réinitialiser votre clé OTP.", null);
        }
        call("remove an OTP device", () -> {
            users().get(accountId).removeCredential(credentialId);
            return null;
        });
        return Optional.of(credentialId);
    }

    /** Sign-ins from new devices that the person has not been told of yet. */
    public List<PortailAdminApi.Alert> pendingAlerts() {
        return call("list alerts", () -> journal.alerts(realm));
    }

    public void alertDelivered(String alertId) {
        call("mark an alert delivered", () -> {
            journal.delivered(realm, alertId);
            return null;
        });
    }

    /**
     * "Ce n'était pas moi" about one of the account's sign-ins: the next sign-in will ask for a new password, and
     * every session of the account ends now (this one included), its mail programs' too. Empty when the sign-in is
     * not the account's.
     */
    public Optional<String> secureAfterIntrusion(String accountId, String signInId) {
        boolean owned = call("list sign-ins", () -> journal.signIns(realm, accountId, REPORTABLE_DAYS)).stream()
                .anyMatch(signIn -> signIn.id().equals(signInId));
        if (!owned) {
            return Optional.empty();
        }
        call("secure an account", () -> {
            UserResource user = users().get(accountId);
            UserRepresentation representation = user.toRepresentation();
            List<String> actions = new ArrayList<>(Optional.ofNullable(representation.getRequiredActions()).orElse(List.of()));
            if (!actions.contains(UPDATE_PASSWORD)) {
                actions.add(UPDATE_PASSWORD);
                representation.setRequiredActions(actions);
                user.update(representation);
            }
            return null;
        });
        // one by one, so that Keycloak sends each application its back-channel logout (the admin API's
        // "log out the user" only notifies clients with a legacy admin URL)
        endOtherSessions(accountId, null);
        mail.revoke(accountId, MailAccess.Reason.MOT_DE_PASSE_CHANGE); // mail programs hold no Keycloak session
        return Optional.of(signInId);
    }

    /**
     * The account's recovery address (admin-only attributes, read by "Mot de passe oublié ?") and when its owner last
     * proved she reads it; both null when there is none.
     */
    public RecoveryAddress recoveryAddress(String accountId) {
        Map<String, List<String>> attributes = call("read the recovery address",
                () -> Optional.ofNullable(users().get(accountId).toRepresentation().getAttributes()).orElse(Map.of()));
        String address = first(attributes, RecoveryAddress.ADDRESS);
        String verified = first(attributes, RecoveryAddress.VERIFIED);
        return new RecoveryAddress(address, address == null || verified == null ? null : Instant.parse(verified));
    }

    /** Sets one attribute of the account (an admin-only one, such as the date of birth), the others kept. */
    public void setAttribute(String accountId, String name, String value) {
        updateAttributes(accountId, "write an attribute", attributes -> attributes.put(name, List.of(value)));
    }

    /** Records the address as confirmed now, or forgets it ({@code address} null). */
    public void setRecoveryAddress(String accountId, String address, Instant verified) {
        updateAttributes(accountId, "write the recovery address", attributes -> {
            if (address == null) {
                attributes.remove(RecoveryAddress.ADDRESS);
                attributes.remove(RecoveryAddress.VERIFIED);
            } else {
                attributes.put(RecoveryAddress.ADDRESS, List.of(address));
                attributes.put(RecoveryAddress.VERIFIED, List.of(verified.toString()));
            }
        });
    }

    private void updateAttributes(String accountId, String what, Consumer<Map<String, List<String>>> change) {
        call(what, () -> {
            UserResource user = users().get(accountId);
            UserRepresentation representation = user.toRepresentation();
            Map<String, List<String>> attributes = new HashMap<>(Optional.ofNullable(representation.getAttributes())
                    .orElse(Map.of()));
            change.accept(attributes);
            representation.setAttributes(attributes);
            user.update(representation);
            return null;
        });
    }

    private static String first(Map<String, List<String>> attributes, String name) {
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether an account has this identifier, whatever its case (Keycloak keeps identifiers in lower case). */
    public boolean identifierTaken(String identifier) {
        return !call("look up an identifier", () -> users().searchByUsername(identifier, true)).isEmpty();
    }

    /** Whether an account has this address, whatever its case. */
    public boolean emailTaken(String email) {
        return !call("look up an address", () -> users().searchByEmail(email, true)).isEmpty();
    }

    /** The account that carries this NUMEN (the stable key of imports), if any. */
    public Optional<ManagedAccount> findByNumen(String numen) {
        return call("look up a NUMEN", () -> users().searchByAttributes(ManagedAccount.NUMEN + ":" + numen, true))
                .stream().findFirst().map(user -> ManagedAccount.of(user, List.of(), false, false));
    }

    /** Up to {@code max} accounts whose identifier, names or address contain the text. */
    public List<ManagedAccount> search(String text, int max) {
        return call("search accounts", () -> users().search(text, 0, max, false)).stream()
                .map(user -> ManagedAccount.of(user, List.of(), false, false)).toList();
    }

    /** One account with its realm roles, lockout and second factor; empty when there is none with this id. */
    public Optional<ManagedAccount> account(String accountId) {
        return call("read an account", () -> {
            UserResource user = users().get(accountId);
            UserRepresentation representation;
            try {
                representation = user.toRepresentation();
            } catch (WebApplicationException e) {
                if (notFound(e)) {
                    return Optional.<ManagedAccount>empty();
                }
                throw e;
            }
            List<String> roles = user.roles().realmLevel().listAll().stream().map(RoleRepresentation::getName)
                    .filter(ManagedAccount.GRANTABLE_ROLES::contains).sorted().toList();
            boolean locked = Boolean.TRUE.equals(keycloak.realm(realm).attackDetection()
                    .bruteForceUserStatus(accountId).get("disabled"));
            boolean otp = user.credentials().stream().anyMatch(credential -> OTP.equals(credential.getType()));
            return Optional.of(ManagedAccount.of(representation, roles, locked, otp));
        });
    }

    /**
     * Creates the account with its realm roles and returns its id; empty when Keycloak already has the identifier
     * or the address (taken meanwhile). Account and temporary password are one call to Keycloak, which refuses
     * both together; if the roles cannot be added, the account is removed again rather than left half-made.
     */
    public Optional<String> create(UserRepresentation account, List<String> roles) {
        String id;
        try (Response response = call("create an account", () -> users().create(account))) {
            if (response.getStatus() == 409) {
                return Optional.empty();
            }
            if (response.getStatus() != 201) {
                throw new WebApplicationException("account creation answered " + response.getStatus(), response.getStatus());
            }
            String location = response.getLocation().getPath();
            id = location.substring(location.lastIndexOf('/') + 1);
        } catch (WebApplicationException e) {
            throw unavailable("create an account", e);
        }
        try {
            // Keycloak maps roles by id; the roles "available" to the account are readable with view-users alone
            RoleScopeResource realmRoles = users().get(id).roles().realmLevel();
            List<RoleRepresentation> granted = realmRoles.listAvailable().stream()
                    .filter(role -> roles.contains(role.getName())).toList();
            if (granted.size() != roles.size()) {
                throw new WebApplicationException("the realm lacks one of the roles " + roles, 500);
            }
            realmRoles.add(granted);
        } catch (WebApplicationException | ProcessingException e) {
            call("remove a half-made account", () -> users().delete(id)).close();
            throw unavailable("grant roles", e);
        }
        return Optional.of(id);
    }

    /**
     * Enables or disables the account; disabling ends each of its sessions, so that every application lets go, its
     * mail programs included.
     */
    public void setEnabled(String accountId, boolean enabled) {
        call(enabled ? "enable an account" : "disable an account", () -> {
            UserResource user = users().get(accountId);
            UserRepresentation representation = user.toRepresentation();
            representation.setEnabled(enabled);
            user.update(representation);
            return null;
        });
        if (!enabled) {
            endOtherSessions(accountId, null);
            mail.revoke(accountId, MailAccess.Reason.COMPTE_DESACTIVE);
        }
    }

    /**
     * Forgets the account's second factor (OTP devices and recovery codes): a sensitive profile enrols again at its
     * next sign-in, anyone else signs in with the password alone until they enrol. Returns how many were removed.
     */
    public int resetOtp(String accountId) {
        return call("reset the second factor", () -> {
            UserResource user = users().get(accountId);
            List<String> removed = user.credentials().stream()
                    .filter(credential -> OTP.equals(credential.getType()) || RECOVERY_CODES.equals(credential.getType()))
                    .map(CredentialRepresentation::getId).toList();
            removed.forEach(user::removeCredential);
            return removed.size();
        });
    }

    /** Lifts a brute-force lockout at once. */
    public void unlock(String accountId) {
        call("unlock an account", () -> {
            keycloak.realm(realm).attackDetection().clearBruteForceForUser(accountId);
            return null;
        });
    }

    private UsersResource users() {
        return keycloak.realm(realm).users();
    }

    /** Keycloak then tells every application of the session (back-channel logout), the gateway included. */
    private void deleteSession(String sessionId) {
        call("end a session", () -> {
            try {
                keycloak.realm(realm).deleteSession(sessionId, false);
            } catch (WebApplicationException e) {
                if (!notFound(e)) { // otherwise ended meanwhile: the wish is fulfilled
                    throw e;
                }
            }
            return null;
        });
    }

    /** The admin client reports a 404 as a WebApplicationException of that status, not as NotFoundException. */
    private static boolean notFound(WebApplicationException e) {
        return e.getResponse() != null && e.getResponse().getStatus() == 404;
    }

    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException | ProcessingException e) {
            throw unavailable(what, e);
        }
    }

    private static ProblemException unavailable(String what, RuntimeException e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf("Keycloak admin API could not %s (incident %s): %s", what, incident, e.getMessage());
        return new ProblemException("urn:portail:gateway:keycloak-unavailable", "Service d'authentification indisponible",
                503, "Le service d'authentification ne répond pas pour le moment. Réessayez dans quelques minutes ; "
                + "si cela persiste, communiquez la référence " + incident + " à l'assistance.", null);
    }
}

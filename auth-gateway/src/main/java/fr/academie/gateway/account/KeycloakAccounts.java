package fr.academie.gateway.account;

import fr.academie.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    /** An alert's link works as long as Keycloak keeps the sign-in in its journal. */
    private static final int REPORTABLE_DAYS = 180;

    private final Keycloak keycloak;
    private final PortailAdminApi journal;
    private final String realm;

    public KeycloakAccounts(Keycloak keycloak, @RestClient PortailAdminApi journal,
                            @ConfigProperty(name = "quarkus.keycloak.admin-client.realm") String realm) {
        this.keycloak = keycloak;
        this.journal = journal;
        this.realm = realm;
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
            throw new ProblemException("urn:portail:gateway:otp-required", "Double authentification obligatoire", 409,
                    "Votre profil impose la double authentification : vous ne pouvez pas la retirer. Si vous avez perdu "
                            + "votre téléphone, demandez à l'administrateur de réinitialiser votre clé OTP.", null);
        }
        call("remove an OTP device", () -> {
            keycloak.realm(realm).users().get(accountId).removeCredential(credentialId);
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
     * every session of the account ends now (this one included). Empty when the sign-in is not the account's.
     */
    public Optional<String> secureAfterIntrusion(String accountId, String signInId) {
        boolean owned = call("list sign-ins", () -> journal.signIns(realm, accountId, REPORTABLE_DAYS)).stream()
                .anyMatch(signIn -> signIn.id().equals(signInId));
        if (!owned) {
            return Optional.empty();
        }
        call("secure an account", () -> {
            UserResource user = keycloak.realm(realm).users().get(accountId);
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
        return Optional.of(signInId);
    }

    /** Keycloak then tells every application of the session (back-channel logout), the gateway included. */
    private void deleteSession(String sessionId) {
        call("end a session", () -> {
            try {
                keycloak.realm(realm).deleteSession(sessionId, false);
            } catch (NotFoundException alreadyEnded) {
                // ended meanwhile: the wish is fulfilled
            }
            return null;
        });
    }

    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException | ProcessingException e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.errorf("Keycloak admin API could not %s (incident %s): %s", what, incident, e.getMessage());
            throw new ProblemException("urn:portail:gateway:keycloak-unavailable", "Service d'authentification indisponible",
                    503, "Le service d'authentification ne répond pas pour le moment. Réessayez dans quelques minutes ; "
                    + "si cela persiste, communiquez la référence " + incident + " à l'assistance.", null);
        }
    }
}

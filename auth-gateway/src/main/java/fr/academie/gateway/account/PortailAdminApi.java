package fr.academie.gateway.account;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * The sign-in journal that keycloak-extensions adds under Keycloak's admin API
 * ({@code /admin/realms/<realm>/portail}); called with the gateway's admin token, through {@link KeycloakAccounts}.
 */
@Path("/admin/realms/{realm}/portail")
@RegisterRestClient(configKey = "keycloak-portail")
@RegisterProvider(AdminTokenFilter.class)
public interface PortailAdminApi {

    /** The journal's kinds of row: an account locked by the brute-force detector, a password reset (else a sign-in). */
    String LOCKOUT = "LOCKOUT";
    String PASSWORD_RESET = "PASSWORD_RESET";

    record SignIn(String id, long time, boolean success, String error, String clientId, String application,
                  String ipAddress, String browser, String os, boolean newDevice, String kind, Long until) {

        public boolean lockout() {
            return LOCKOUT.equals(kind);
        }

        public boolean passwordReset() {
            return PASSWORD_RESET.equals(kind);
        }
    }

    record Session(String id, String ipAddress, long started, long lastAccess, String browser, String os,
                   List<String> applications) {
    }

    record Alert(String id, String kind, String userId, String username, String email, String firstName, long time,
                 Long until, String ipAddress, String browser, String os, String clientId, String application) {

        public boolean lockout() {
            return LOCKOUT.equals(kind);
        }

        public boolean passwordReset() {
            return PASSWORD_RESET.equals(kind);
        }
    }

    record Security(Long passwordChanged, Long passwordExpires, boolean otpRequired, List<OtpDevice> otp,
                    RecoveryCodes recoveryCodes) {
    }

    record RecoveryCodes(String id, Long created, int remaining) {
    }

    record OtpDevice(String id, String label, Long created) {
    }

    record Expiry(String userId, String firstName, long expires) {
    }

    record Application(String clientId, String name, String receives, Long lastSignIn, int openSessions) {
    }

    @GET
    @Path("users/{user}/security")
    Security security(@PathParam("realm") String realm, @PathParam("user") String user);

    @GET
    @Path("password-expiries")
    List<Expiry> passwordExpiries(@PathParam("realm") String realm, @QueryParam("from") long from, @QueryParam("to") long to);

    @GET
    @Path("users/{user}/sign-ins")
    List<SignIn> signIns(@PathParam("realm") String realm, @PathParam("user") String user, @QueryParam("days") int days);

    @GET
    @Path("users/{user}/sessions")
    List<Session> sessions(@PathParam("realm") String realm, @PathParam("user") String user);

    @GET
    @Path("users/{user}/applications")
    List<Application> applications(@PathParam("realm") String realm, @PathParam("user") String user);

    @DELETE
    @Path("users/{user}/applications/{client}/sessions")
    void endApplicationSessions(@PathParam("realm") String realm, @PathParam("user") String user,
                                @PathParam("client") String client);

    @GET
    @Path("alerts")
    List<Alert> alerts(@PathParam("realm") String realm);

    @POST
    @Path("alerts/{id}/delivered")
    void delivered(@PathParam("realm") String realm, @PathParam("id") String id);
}

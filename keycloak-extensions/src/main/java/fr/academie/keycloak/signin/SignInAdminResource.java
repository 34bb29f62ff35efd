package fr.academie.keycloak.signin;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.device.DeviceActivityManager;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.util.JsonSerialization;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code /admin/realms/<realm>/portail}: what the gateway reads for the account page and the alerts, behind
 * Keycloak's own admin authentication and permissions (the caller needs view-users, view-events, and
 * manage-users to mark an alert delivered).
 */
@Produces(MediaType.APPLICATION_JSON)
public class SignInAdminResource {

    private static final int MAX_ROWS = 500;
    /** The realm role that the sensitive roles are composites of: a second factor is required. */
    private static final String OTP_REQUIRED_ROLE = "otp-requis";
    /** The client attribute that tells, in French, what an application receives about the person. */
    static final String RECEIVES = "portail.receives";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    SignInAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    /**
     * A person's sign-in attempt, newest first; {@code application} is the client's display name ("Pronote"),
     * so that the gateway needs no right to read clients.
     */
    public record SignIn(String id, long time, boolean success, String error, String clientId, String application,
                         String ipAddress, String browser, String os, boolean newDevice, String kind, Long until) {
    }

    /** An active session: where and on what it was opened, when it was last used, and the applications in it. */
    public record Session(String id, String ipAddress, long started, long lastAccess, String browser, String os,
                          List<String> applications) {

        static Session of(UserSessionModel userSession) {
            Device device = Device.of(DeviceActivityManager.getCurrentDevice(userSession));
            return new Session(userSession.getId(), userSession.getIpAddress(), userSession.getStarted() * 1000L,
                    userSession.getLastSessionRefresh() * 1000L, device.browser(), device.os(),
                    userSession.getAuthenticatedClientSessions().values().stream()
                            .map(client -> name(client.getClient())).sorted().toList());
        }
    }

    /**
     * An application the person signed in to: what it receives about her (the client's attribute
     * {@value #RECEIVES}, written in the realm file), her last sign-in to it within the journal's year, and how many
     * of her sessions are open in it.
     */
    public record Application(String clientId, String name, String receives, Long lastSignIn, int openSessions) {
    }

    /** A sign-in from a new device, or a lockout ({@code kind}), for the gateway to tell the person. */
    public record Alert(String id, String kind, String userId, String username, String email, String firstName,
                        long time, Long until, String ipAddress, String browser, String os, String clientId,
                        String application) {
    }

    /**
     * The state of a person's credentials: when the password was set and expires, their OTP devices, and their set
     * of recovery codes (null when they have none).
     */
    public record Security(Long passwordChanged, Long passwordExpires, boolean otpRequired, List<OtpDevice> otp,
                           RecoveryCodes recoveryCodes) {
    }

    /** A set of one-time recovery codes: when it was made and how many are left. */
    public record RecoveryCodes(String id, Long created, int remaining) {
    }

    public record OtpDevice(String id, String label, Long created) {
    }

    /** A password that reaches the end of the realm's expiry period within the window asked for. */
    public record Expiry(String userId, String firstName, long expires) {
    }

    @GET
    @Path("users/{user}/security")
    public Security security(@PathParam("user") String userId) {
        UserModel user = user(userId);
        auth.users().requireView(user);
        Long changed = user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .map(CredentialModel::getCreatedDate).filter(Objects::nonNull).max(Long::compare).orElse(null);
        int days = realm.getPasswordPolicy().getDaysToExpirePassword();
        RoleModel otpRequired = realm.getRole(OTP_REQUIRED_ROLE);
        return new Security(changed, changed == null || days <= 0 ? null : changed + Duration.ofDays(days).toMillis(),
                otpRequired != null && user.hasRole(otpRequired),
                user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                        .map(otp -> new OtpDevice(otp.getId(), otp.getUserLabel(), otp.getCreatedDate())).toList(),
                user.credentialManager().getStoredCredentialsByTypeStream(RecoveryAuthnCodesCredentialModel.TYPE)
                        .findFirst().map(SignInAdminResource::recoveryCodes).orElse(null));
    }

    /** The codes left are those still in the secret data (each one used is removed from it). */
    private static RecoveryCodes recoveryCodes(CredentialModel credential) {
        try {
            int remaining = JsonSerialization.mapper.readTree(credential.getSecretData()).path("codes").size();
            return new RecoveryCodes(credential.getId(), credential.getCreatedDate(), remaining);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable recovery codes of credential " + credential.getId(), e);
        }
    }

    /** Passwords of the realm that expire in [from, to) (epoch milliseconds), for the reminders. */
    @GET
    @Path("password-expiries")
    public List<Expiry> passwordExpiries(@QueryParam("from") long from, @QueryParam("to") long to) {
        auth.users().requireView();
        int days = realm.getPasswordPolicy().getDaysToExpirePassword();
        if (days <= 0) {
            return List.of();
        }
        long period = Duration.ofDays(days).toMillis();
        return em().createQuery("""
                        select c.user.id, c.user.firstName, c.createdDate from CredentialEntity c
                        where c.type = :type and c.user.realmId = :realm
                        and c.createdDate >= :from and c.createdDate < :to""", Object[].class)
                .setParameter("type", PasswordCredentialModel.TYPE).setParameter("realm", realm.getId())
                .setParameter("from", from - period).setParameter("to", to - period)
                .setMaxResults(10_000)
                .getResultStream()
                .map(row -> new Expiry((String) row[0], (String) row[1], (Long) row[2] + period))
                .toList();
    }

    @GET
    @Path("users/{user}/sign-ins")
    public List<SignIn> signIns(@PathParam("user") String userId, @QueryParam("days") @DefaultValue("30") int days) {
        auth.realm().requireViewEvents();
        UserModel user = user(userId);
        return em().createNamedQuery("portailSignInsOfUser", SignInEntity.class)
                .setParameter("realm", realm.getId()).setParameter("user", user.getId())
                .setParameter("since", System.currentTimeMillis() - Duration.ofDays(Math.max(1, days)).toMillis())
                .setMaxResults(MAX_ROWS)
                .getResultStream().map(this::signIn).toList();
    }

    @GET
    @Path("users/{user}/sessions")
    public List<Session> sessions(@PathParam("user") String userId) {
        UserModel user = user(userId);
        auth.users().requireView(user);
        return session.sessions().getUserSessionsStream(realm, user).map(Session::of).toList();
    }

    /** The applications of the realm that say what they receive, which she signed in to or has a session in. */
    @GET
    @Path("users/{user}/applications")
    public List<Application> applications(@PathParam("user") String userId) {
        auth.realm().requireViewEvents();
        UserModel user = user(userId);
        auth.users().requireView(user);
        Map<String, Long> lastSignIns = new HashMap<>();
        em().createNamedQuery("portailLastSignInPerClient", Object[].class)
                .setParameter("realm", realm.getId()).setParameter("user", user.getId())
                .getResultStream().forEach(row -> lastSignIns.put((String) row[0], (Long) row[1]));
        Map<String, Integer> openSessions = new HashMap<>();
        session.sessions().getUserSessionsStream(realm, user).forEach(userSession -> userSession
                .getAuthenticatedClientSessions().values()
                .forEach(client -> openSessions.merge(client.getClient().getClientId(), 1, Integer::sum)));
        Set<String> clientIds = new HashSet<>(lastSignIns.keySet());
        clientIds.addAll(openSessions.keySet());
        return clientIds.stream().map(realm::getClientByClientId)
                .filter(client -> client != null && client.getAttribute(RECEIVES) != null)
                .map(client -> new Application(client.getClientId(), name(client), client.getAttribute(RECEIVES),
                        lastSignIns.get(client.getClientId()), openSessions.getOrDefault(client.getClientId(), 0)))
                .sorted(Comparator.comparing(Application::lastSignIn, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Application::name))
                .toList();
    }

    /**
     * Ends her sessions in one application (its back-channel logout is called where it has one, and its refresh
     * tokens stop working); her other applications and her single sign-on stay.
     */
    @DELETE
    @Path("users/{user}/applications/{client}/sessions")
    public Response endApplicationSessions(@PathParam("user") String userId, @PathParam("client") String clientId) {
        UserModel user = user(userId);
        auth.users().requireManage(user);
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null || client.getAttribute(RECEIVES) == null) {
            throw new NotFoundException("No such application");
        }
        AuthenticationManager.backchannelLogoutUserFromClient(session, realm, user, client,
                session.getContext().getUri(), session.getContext().getRequestHeaders());
        return Response.noContent().build();
    }

    @GET
    @Path("alerts")
    public List<Alert> alerts() {
        auth.realm().requireViewEvents();
        auth.users().requireView();
        return em().createNamedQuery("portailAlerts", SignInEntity.class)
                .setParameter("realm", realm.getId()).setParameter("state", SignInEntity.ALERT_PENDING)
                .setMaxResults(100)
                .getResultStream().map(this::alert).toList();
    }

    @POST
    @Path("alerts/{id}/delivered")
    public Response delivered(@PathParam("id") String id) {
        auth.users().requireManage();
        SignInEntity row = em().find(SignInEntity.class, id);
        if (row == null || !row.getRealmId().equals(realm.getId())) {
            throw new NotFoundException("No such alert");
        }
        row.setAlert(SignInEntity.ALERT_DELIVERED);
        return Response.noContent().build();
    }

    private SignIn signIn(SignInEntity row) {
        ClientModel client = row.getClientId() == null ? null : realm.getClientByClientId(row.getClientId());
        return new SignIn(row.getId(), row.getTime(), row.isSuccess(), row.getError(), row.getClientId(),
                client == null ? row.getClientId() : name(client), row.getIpAddress(), row.getBrowser(), row.getOs(),
                row.isSuccess() && !SignInEntity.NO_ALERT.equals(row.getAlert()), row.getKind(), row.getUntil());
    }

    private static String name(ClientModel client) {
        return client.getName() == null || client.getName().isBlank() ? client.getClientId() : client.getName();
    }

    private Alert alert(SignInEntity row) {
        UserModel user = session.users().getUserById(realm, row.getUserId());
        SignIn signIn = signIn(row);
        return new Alert(row.getId(), row.getKind(), row.getUserId(), user == null ? null : user.getUsername(),
                user == null ? null : user.getEmail(), user == null ? null : user.getFirstName(), row.getTime(),
                row.getUntil(), row.getIpAddress(), row.getBrowser(), row.getOs(), row.getClientId(), signIn.application());
    }

    private UserModel user(String id) {
        UserModel user = session.users().getUserById(realm, id);
        if (user == null) {
            throw new NotFoundException("No such user");
        }
        return user;
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}

package fr.academie.keycloak.signin;

import fr.academie.keycloak.StatelessFactory;
import fr.academie.keycloak.recovery.IdentityProof;
import jakarta.persistence.EntityManager;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.device.DeviceRepresentationProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.time.Duration;
import java.time.Period;
import java.util.Set;
import java.util.UUID;

/**
 * Event listener {@code portail-connexions}: journals every sign-in attempt of a known account, whatever the
 * client (the portal, Pronote, Éduconnect...), with the browser and system of the request, and marks a
 * successful sign-in from a device and network pair the account never signed in from as an alert for the
 * gateway to deliver. The account's first sign-in ever alerts nobody: there is nothing to compare it with.
 * A lockout by the brute-force detector is journaled too, as an alert, and so is a password chosen anew after
 * "Mot de passe oublié ?" (the person is told, in case it was not her).
 */
public class SignInRecorder extends StatelessFactory implements EventListenerProvider, EventListenerProviderFactory {

    public static final String ID = "portail-connexions";
    private static final Set<EventType> SIGN_INS = Set.of(EventType.LOGIN, EventType.LOGIN_ERROR);

    private final KeycloakSession session;
    private JournalRetention retention;

    public SignInRecorder() {
        this(null);
    }

    private SignInRecorder(KeycloakSession session) {
        this.session = session;
    }

    /**
     * {@code kept}: how long the journal keeps an attempt (an ISO-8601 period, default a year: the CNIL's guidance for
     * connection logs; a device stays "known" as long); {@code every}: how often expired rows are deleted (an ISO-8601
     * duration, default an hour). Options {@code spi-events-listener--portail-connexions--kept} and {@code --every}.
     */
    @Override
    public void init(Config.Scope config) {
        retention = new JournalRetention(Period.parse(config.get("kept", "P1Y")),
                Duration.parse(config.get("every", "PT1H")));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        retention.schedule(factory);
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() == EventType.USER_DISABLED_BY_TEMPORARY_LOCKOUT && event.getUserId() != null) {
            recordLockout(event);
            return;
        }
        if (isPasswordReset(event)) {
            recordPasswordReset(event);
            return;
        }
        if (!SIGN_INS.contains(event.getType()) || event.getUserId() == null) {
            return;
        }
        boolean success = event.getType() == EventType.LOGIN;
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        SignInEntity signIn = new SignInEntity(UUID.randomUUID().toString(), event.getRealmId(), event.getUserId(),
                event.getTime(), success, event.getError());
        signIn.from(event.getClientId(), event.getSessionId(), event.getIpAddress(),
                Device.of(session.getProvider(DeviceRepresentationProvider.class).deviceRepresentation()));
        if (success && isFirstFromThisDevice(em, signIn) && hasSignedInBefore(em, signIn)) {
            signIn.setAlert(SignInEntity.ALERT_PENDING);
        }
        em.persist(signIn);
    }

    /**
     * The brute-force detector has just locked the account (this runs in its own transaction, outside the
     * request, so the browser is unknown): the person is told, with the time the account opens again.
     */
    private void recordLockout(Event event) {
        SignInEntity lockout = new SignInEntity(UUID.randomUUID().toString(), event.getRealmId(), event.getUserId(),
                event.getTime(), false, "user_temporarily_locked");
        lockout.from(event.getClientId(), event.getSessionId(), event.getIpAddress(), Device.of(null));
        UserLoginFailureModel failures = session.loginFailures()
                .getUserLoginFailure(session.realms().getRealm(event.getRealmId()), event.getUserId());
        lockout.lockedUntil(failures == null || failures.getFailedLoginNotBefore() <= 0 ? null
                : failures.getFailedLoginNotBefore() * 1000L);
        session.getProvider(JpaConnectionProvider.class).getEntityManager().persist(lockout);
    }

    /** A new password set by the required action that the lost-password flow ends with (its proof noted). */
    private boolean isPasswordReset(Event event) {
        AuthenticationSessionModel flow = session.getContext().getAuthenticationSession();
        return event.getType() == EventType.UPDATE_CREDENTIAL && event.getUserId() != null
                && event.getDetails() != null && PasswordCredentialModel.TYPE.equals(event.getDetails().get(Details.CREDENTIAL_TYPE))
                && flow != null && flow.getAuthNote(IdentityProof.PROVEN) != null;
    }

    private void recordPasswordReset(Event event) {
        SignInEntity reset = new SignInEntity(UUID.randomUUID().toString(), event.getRealmId(), event.getUserId(),
                event.getTime(), false, null);
        reset.from(event.getClientId(), event.getSessionId(), event.getIpAddress(),
                Device.of(session.getProvider(DeviceRepresentationProvider.class).deviceRepresentation()));
        reset.passwordReset();
        session.getProvider(JpaConnectionProvider.class).getEntityManager().persist(reset);
    }

    private static boolean isFirstFromThisDevice(EntityManager em, SignInEntity signIn) {
        return em.createNamedQuery("portailSuccessesFromDevice", Long.class)
                .setParameter("realm", signIn.getRealmId()).setParameter("user", signIn.getUserId())
                .setParameter("device", signIn.getDeviceKey()).setParameter("network", signIn.getNetwork())
                .getSingleResult() == 0;
    }

    private static boolean hasSignedInBefore(EntityManager em, SignInEntity signIn) {
        return em.createNamedQuery("portailSuccessesOfUser", Long.class)
                .setParameter("realm", signIn.getRealmId()).setParameter("user", signIn.getUserId())
                .getSingleResult() > 0;
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // administrative actions are audited by the gateway
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new SignInRecorder(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}

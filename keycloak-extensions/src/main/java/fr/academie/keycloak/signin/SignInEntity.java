package fr.academie.keycloak.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One sign-in attempt to any client of a realm, as the person's browser made it, or the account's lockout by
 * the brute-force detector: the row behind the account page's history and the alerts. Kept in Keycloak's database, written in the same
 * transaction as Keycloak's own event.
 */
@Entity
@Table(name = "PORTAIL_SIGN_IN")
@NamedQuery(name = "portailSignInsOfUser", query = "select s from SignInEntity s where s.realmId = :realm"
        + " and s.userId = :user and s.time >= :since order by s.time desc")
@NamedQuery(name = "portailSuccessesOfUser", query = "select count(s) from SignInEntity s where s.realmId = :realm"
        + " and s.userId = :user and s.success = true")
@NamedQuery(name = "portailSuccessesFromDevice", query = "select count(s) from SignInEntity s"
        + " where s.realmId = :realm and s.userId = :user and s.success = true and s.deviceKey = :device"
        + " and s.network = :network")
@NamedQuery(name = "portailAlerts", query = "select s from SignInEntity s where s.realmId = :realm"
        + " and s.alert = :state order by s.time")
@NamedQuery(name = "portailLastSignInPerClient", query = "select s.clientId, max(s.time) from SignInEntity s"
        + " where s.realmId = :realm and s.userId = :user and s.success = true and s.clientId is not null"
        + " group by s.clientId")
public class SignInEntity {

    /**
     * What a row records: a sign-in attempt, the account being locked after too many failures, or its password
     * chosen anew after "Mot de passe oublié ?".
     */
    public static final String SIGN_IN = "SIGN_IN";
    public static final String LOCKOUT = "LOCKOUT";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
    /** Alert states: none due, waiting for the gateway to deliver it, delivered. */
    public static final String NO_ALERT = "NONE";
    public static final String ALERT_PENDING = "PENDING";
    public static final String ALERT_DELIVERED = "DELIVERED";

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "REALM_ID", nullable = false)
    private String realmId;
    @Column(name = "USER_ID", nullable = false)
    private String userId;
    @Column(name = "SIGN_IN_TIME", nullable = false)
    private long time;
    @Column(name = "SUCCESS", nullable = false)
    private boolean success;
    @Column(name = "ERROR")
    private String error;
    @Column(name = "CLIENT_ID")
    private String clientId;
    @Column(name = "SESSION_ID")
    private String sessionId;
    @Column(name = "IP_ADDRESS")
    private String ipAddress;
    @Column(name = "NETWORK")
    private String network;
    @Column(name = "BROWSER")
    private String browser;
    @Column(name = "OS")
    private String os;
    @Column(name = "DEVICE_KEY")
    private String deviceKey;
    @Column(name = "ALERT", nullable = false)
    private String alert = NO_ALERT;
    @Column(name = "KIND", nullable = false)
    private String kind = SIGN_IN;
    @Column(name = "UNTIL_TIME")
    private Long until;

    protected SignInEntity() {
    }

    SignInEntity(String id, String realmId, String userId, long time, boolean success, String error) {
        this.id = id;
        this.realmId = realmId;
        this.userId = userId;
        this.time = time;
        this.success = success;
        this.error = error;
    }

    void from(String clientId, String sessionId, String ipAddress, Device device) {
        this.clientId = clientId;
        this.sessionId = sessionId;
        this.ipAddress = ipAddress;
        this.network = Device.network(ipAddress);
        this.browser = device.browser();
        this.os = device.os();
        this.deviceKey = device.key();
    }

    public String getId() {
        return id;
    }

    public String getRealmId() {
        return realmId;
    }

    public String getUserId() {
        return userId;
    }

    public long getTime() {
        return time;
    }

    public boolean isSuccess() {
        return success;
    }

    public String getError() {
        return error;
    }

    public String getClientId() {
        return clientId;
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public String getNetwork() {
        return network;
    }

    public String getBrowser() {
        return browser;
    }

    public String getOs() {
        return os;
    }

    public String getDeviceKey() {
        return deviceKey;
    }

    public String getAlert() {
        return alert;
    }

    void setAlert(String alert) {
        this.alert = alert;
    }

    public String getKind() {
        return kind;
    }

    /** For a lockout: when the account can be used again (epoch milliseconds). */
    public Long getUntil() {
        return until;
    }

    void lockedUntil(Long until) {
        this.kind = LOCKOUT;
        this.until = until;
        this.alert = ALERT_PENDING;
    }

    /** The password was reset through the lost-password flow: the person is told, whoever did it. */
    void passwordReset() {
        this.kind = PASSWORD_RESET;
        this.alert = ALERT_PENDING;
    }
}

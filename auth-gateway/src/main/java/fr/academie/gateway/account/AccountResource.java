package fr.academie.gateway.account;

import fr.academie.common.problem.Problem;
import fr.academie.common.problem.ProblemException;
import fr.academie.common.page.Page;
import io.quarkus.security.Authenticated;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /api/compte}: the signed-in person's account security — devices and sessions, sign-in history, password
 * and second factor, "Ce n'était pas moi". Always the person's own account (the ID token's subject); another
 * account's session, device or sign-in is not found.
 */
@Path("/api/compte")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AccountResource {

    static final int HISTORY_DAYS = 30;

    private final KeycloakAccounts accounts;
    private final RecoveryAddresses recovery;
    private final JsonWebToken idToken;

    public AccountResource(KeycloakAccounts accounts, RecoveryAddresses recovery, JsonWebToken idToken) {
        this.accounts = accounts;
        this.recovery = recovery;
        this.idToken = idToken;
    }

    /** A session as the account page lists it. */
    public record Device(String id, String browser, String os, String ipAddress, Instant started, Instant lastActive,
                         List<String> applications, boolean current) {

        public static Device of(PortailAdminApi.Session session, String currentSession) {
            return new Device(session.id(), session.browser(), session.os(), session.ipAddress(),
                    Instant.ofEpochMilli(session.started()), Instant.ofEpochMilli(session.lastAccess()),
                    session.applications(), session.id().equals(currentSession));
        }
    }

    /**
     * One sign-in attempt of the last 30 days, the account's lockout ({@code lockedUntil} set), or its password reset
     * after "Mot de passe oublié ?" ({@code passwordReset}).
     */
    public record SignIn(String id, Instant time, boolean success, String ipAddress, String browser, String os,
                         String application, boolean newDevice, Instant lockedUntil, boolean passwordReset) {

        public static SignIn of(PortailAdminApi.SignIn signIn) {
            return new SignIn(signIn.id(), Instant.ofEpochMilli(signIn.time()), signIn.success(), signIn.ipAddress(),
                    signIn.browser(), signIn.os(), signIn.application(), signIn.newDevice(),
                    signIn.lockout() && signIn.until() != null ? Instant.ofEpochMilli(signIn.until()) : null,
                    signIn.passwordReset());
        }
    }

    @GET
    @Path("appareils")
    public Page<Device> devices() {
        String current = idToken.getClaim("sid");
        List<Device> devices = accounts.sessions(idToken.getSubject()).stream()
                .map(session -> Device.of(session, current))
                .sorted(Comparator.comparing(Device::current).reversed()
                        .thenComparing(Device::lastActive, Comparator.reverseOrder()))
                .toList();
        return Page.all(devices);
    }

    @DELETE
    @Path("appareils/{id}")
    public void signOutDevice(@PathParam("id") String sessionId) {
        accounts.endSession(idToken.getSubject(), sessionId).orElseThrow(() -> ProblemException.notFound(
                "urn:portail:gateway:unknown-session", "Cette session n'existe pas ou est déjà terminée."));
    }

    /** Ends every session of the account but this one; says how many ended. */
    @POST
    @Path("appareils/deconnecter-autres")
    public Ended signOutEverywhereElse() {
        return new Ended(accounts.endOtherSessions(idToken.getSubject(), idToken.getClaim("sid")));
    }

    public record Ended(int sessions) {
    }

    /**
     * The person's credentials: password dates and days left, second factor required or not, OTP devices, recovery
     * codes (null when none were made).
     */
    public record Security(Instant passwordChanged, Instant passwordExpires, Long passwordDaysLeft, boolean otpRequired,
                           List<OtpDevice> otpDevices, RecoveryCodes recoveryCodes) {

        public static Security of(PortailAdminApi.Security security) {
            Instant expires = security.passwordExpires() == null ? null : Instant.ofEpochMilli(security.passwordExpires());
            return new Security(security.passwordChanged() == null ? null : Instant.ofEpochMilli(security.passwordChanged()),
                    expires, expires == null ? null : Math.max(0, Duration.between(Instant.now(), expires).toDays()),
                    security.otpRequired(), security.otp().stream().map(device -> new OtpDevice(device.id(), device.label(),
                            device.created() == null ? null : Instant.ofEpochMilli(device.created()))).toList(),
                    security.recoveryCodes() == null ? null : new RecoveryCodes(security.recoveryCodes().created() == null
                            ? null : Instant.ofEpochMilli(security.recoveryCodes().created()),
                            security.recoveryCodes().remaining()));
        }
    }

    public record RecoveryCodes(Instant created, int remaining) {
    }

    public record OtpDevice(String id, String label, Instant created) {
    }

    @GET
    @Path("securite")
    public Security security() {
        return Security.of(accounts.security(idToken.getSubject()));
    }

    @DELETE
    @Path("securite/otp/{id}")
    public void removeOtp(@PathParam("id") String credentialId) {
        accounts.removeOtp(idToken.getSubject(), credentialId).orElseThrow(() -> ProblemException.notFound(
                "urn:portail:gateway:unknown-otp-device", "Cet appareil de double authentification n'existe pas."));
    }

    /** The sign-in an alert told of, which the person did not make. */
    public record NotMe(@NotBlank(message = "la connexion signalée est obligatoire") String connexion) {
    }

    /**
     * "Ce n'était pas moi": ends every session of the account, this one included, and asks for a new password at
     * the next sign-in.
     */
    @POST
    @Path("ce-n-etait-pas-moi")
    @Consumes(MediaType.APPLICATION_JSON)
    public void notMe(@NotNull(message = Problem.NO_BODY) @Valid NotMe report) {
        accounts.secureAfterIntrusion(idToken.getSubject(), report.connexion()).orElseThrow(() -> ProblemException.notFound(
                "urn:portail:gateway:unknown-sign-in", "Cette connexion n'apparaît pas dans l'historique de votre compte."));
    }

    @GET
    @Path("connexions")
    public Page<SignIn> history() {
        return Page.all(accounts.signIns(idToken.getSubject(), HISTORY_DAYS).stream().map(SignIn::of).toList());
    }

    /**
     * The recovery address "Mot de passe oublié ?" can send a code to: the confirmed one ({@code adresse}, null when
     * none) and when it was last proved ({@code verifieeLe}); {@code aVerifier} once a year, or while there is none;
     * the address waiting for its code, if any.
     */
    public record Recovery(String adresse, Instant verifieeLe, boolean aVerifier, String enAttente,
                           Instant enAttenteJusquA) {

        static Recovery of(RecoveryAddresses.State state) {
            RecoveryAddress confirmed = state.confirmed();
            return new Recovery(confirmed.address(), confirmed.verified(), !confirmed.checkDue().isAfter(Instant.now()),
                    state.pending(), state.pendingExpires());
        }
    }

    /** A personal address to receive the confirmation code. */
    public record NewRecoveryAddress(@NotBlank(message = "l'adresse est obligatoire") String adresse) {
    }

    /** The code received at the new address. */
    public record RecoveryCode(@NotBlank(message = "le code est obligatoire") String code) {
    }

    @GET
    @Path("secours")
    public Recovery recovery() {
        return Recovery.of(recovery.state(idToken.getSubject()));
    }

    /** Sends a code to the address (the same one again checks it, once a year); 202: it waits for the code. */
    @POST
    @Path("secours")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response proposeRecovery(@NotNull(message = Problem.NO_BODY) @Valid NewRecoveryAddress body) {
        return Response.accepted(Recovery.of(recovery.propose(idToken.getSubject(), idToken.getClaim("given_name"),
                body.adresse()))).build();
    }

    @POST
    @Path("secours/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    public Recovery confirmRecovery(@NotNull(message = Problem.NO_BODY) @Valid RecoveryCode body) {
        recovery.confirm(idToken.getSubject(), idToken.getClaim("given_name"), body.code());
        return recovery();
    }

    @DELETE
    @Path("secours")
    public void removeRecovery() {
        recovery.remove(idToken.getSubject(), idToken.getClaim("given_name"));
    }
}

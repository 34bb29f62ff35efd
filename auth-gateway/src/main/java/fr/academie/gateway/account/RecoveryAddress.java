package fr.academie.gateway.account;

import java.time.Duration;
import java.time.Instant;

/**
 * A personal address, outside the académie, where "Mot de passe oublié ?" can send a code: registered and confirmed
 * by its owner on {@code /compte} (she typed the code sent there), kept as the account's admin-only attributes for
 * Keycloak's {@code portail-preuve-identite} to read. {@code verified} is when she last proved she reads it.
 */
public record RecoveryAddress(String address, Instant verified) {

    public static final String ADDRESS = "adresseSecours";
    public static final String VERIFIED = "adresseSecoursVerifiee";
    /** The seed's yearly recovery test: after a year, the account page asks her to check it again. */
    public static final Duration CHECK_EVERY = Duration.ofDays(365);

    /** When the account page asks her to check it again (or now, when there is none). */
    public Instant checkDue() {
        return verified == null ? Instant.EPOCH : verified.plus(CHECK_EVERY);
    }
}

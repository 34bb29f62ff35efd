package fr.academie.mail.signin;

import fr.academie.common.directory.KeycloakDirectory;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A sign-in with a password at the mail doors (IMAP LOGIN and AUTHENTICATE PLAIN, SMTP submission's AUTH): only an
 * application password opens them, never the account's own (its second factor would be bypassed). Failures count as
 * the realm's brute-force protection counts them (five, then a growing wait of at most 15 minutes for the account) and
 * per client address (twenty in 15 minutes); an account disabled, or whose password must change or has changed since,
 * loses its application passwords for good (Google's rule).
 */
@ApplicationScoped
public class PasswordSignIn {

    private static final Logger LOG = Logger.getLogger(PasswordSignIn.class);
    static final int ACCOUNT_FAILURES = 5;
    static final int ADDRESS_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final KeycloakDirectory directory;
    private final AppPasswordService passwords;

    public PasswordSignIn(KeycloakDirectory directory, AppPasswordService passwords) {
        this.directory = directory;
        this.passwords = passwords;
    }

    /**
     * What became of a sign-in: accepted (the account, its address and the password used), refused, or not decidable
     * now.
     */
    public sealed interface Outcome {
        record Accepted(String accountId, String address, UUID passwordId) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        /** Keycloak could not be asked: try again later (the client keeps its password). */
        record Unavailable() implements Outcome {
        }
    }

    @Transactional
    @ActivateRequestContext // the admin client of the directory lives in one; the IMAP and SMTP doors have none
    public Outcome attempt(String user, String typed, String address) {
        if (failures("address", address) >= ADDRESS_FAILURES) {
            LOG.infof("Mail sign-in refused: too many failures from %s", address);
            return new Outcome.Refused();
        }
        Optional<KeycloakDirectory.Standing> found;
        try {
            found = plausible(user) ? directory.standing(user) : Optional.empty();
        } catch (KeycloakDirectory.Unavailable e) {
            LOG.warnf("Mail sign-in undecided, the directory did not answer: %s", e.getMessage());
            return new Outcome.Unavailable();
        }
        if (found.isEmpty()) {
            fail(null, address);
            return new Outcome.Refused();
        }
        KeycloakDirectory.Standing account = found.get();
        if (locked(account.id())) {
            return new Outcome.Refused(); // not counted again, as Keycloak does during a lockout
        }
        if (!account.enabled() || account.passwordChangeRequired()) {
            passwords.revokeAll(account.id(), account.enabled() ? AppPassword.Revocation.MOT_DE_PASSE_CHANGE
                    : AppPassword.Revocation.COMPTE_DESACTIVE, null);
        } else if (account.passwordSetAt() != null) {
            passwords.revokeAll(account.id(), AppPassword.Revocation.MOT_DE_PASSE_CHANGE, account.passwordSetAt());
        }
        Optional<UUID> used = passwords.use(account.id(), typed, address);
        if (used.isEmpty()) {
            fail(account.id(), address);
            return new Outcome.Refused();
        }
        return new Outcome.Accepted(account.id(), account.address(), used.get());
    }

    /** An identifier or an address, as the realm's are: nothing else is worth asking the directory about. */
    private static boolean plausible(String user) {
        return !user.isBlank() && user.length() <= 254 && user.chars().noneMatch(Character::isISOControl);
    }

    /** Five failures in the window lock the account for a minute, then two, four… at most the window's length. */
    private static boolean locked(String accountId) {
        long count = failures("account_id", accountId);
        if (count < ACCOUNT_FAILURES) {
            return false;
        }
        Instant last = (Instant) Panache.getEntityManager()
                .createNativeQuery("select max(at) from sign_in_failure where account_id = ?1")
                .setParameter(1, accountId).getSingleResult();
        Duration wait = Duration.ofMinutes(1L << Math.min(4, count - ACCOUNT_FAILURES));
        return last.plus(wait.compareTo(WINDOW) > 0 ? WINDOW : wait).isAfter(Instant.now());
    }

    /** The failures of the window whose {@code column} (address or account_id, never a caller's text) is the value. */
    private static long failures(String column, String value) {
        return ((Number) Panache.getEntityManager().createNativeQuery("select count(*) from sign_in_failure where "
                        + column + " = ?1 and at > ?2")
                .setParameter(1, value).setParameter(2, Instant.now().minus(WINDOW)).getSingleResult()).longValue();
    }

    private static void fail(String accountId, String address) {
        Panache.getEntityManager().createNativeQuery("insert into sign_in_failure (account_id, address) values (?1, ?2)")
                .setParameter(1, accountId).setParameter(2, address).executeUpdate();
        Panache.getEntityManager().createNativeQuery("delete from sign_in_failure where at < now() - interval '1 day'")
                .executeUpdate();
    }
}

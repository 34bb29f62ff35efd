package fr.academie.mail.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A mail-door session's sign-in, watched: the session may go on while its application password works (a token session
 * has none) and its account's access was not revoked since it signed in (disabled, "ce n'était pas moi"). Asked at most
 * every {@link #BELIEVED}, so a revocation ends a session at its first command after that.
 */
public final class SessionWatch {

    /** How long a sign-in found valid is believed to still be. */
    private static final Duration BELIEVED = Duration.ofSeconds(2);

    private final UUID password;
    private final String accountId;
    private final Instant since;
    private volatile Instant checked;

    private SessionWatch(UUID password, String accountId) {
        this.password = password;
        this.accountId = accountId;
        this.since = Instant.now();
        this.checked = since;
    }

    /** A session opened with that application password. */
    public static SessionWatch password(UUID password, String accountId) {
        return new SessionWatch(password, accountId);
    }

    /** A session opened with a token of the realm. */
    public static SessionWatch token(String accountId) {
        return new SessionWatch(null, accountId);
    }

    /** Whether the session may go on (reads the database at most every {@link #BELIEVED}). */
    public boolean mayGoOn(AppPasswordService passwords) {
        if (checked.plus(BELIEVED).isAfter(Instant.now())) {
            return true;
        }
        boolean valid = (password == null || passwords.works(password)) && !passwords.accessRevokedSince(accountId, since);
        checked = Instant.now();
        return valid;
    }

    /** Whether it was opened with an application password (its revocation is then the likely reason it ended). */
    public boolean byPassword() {
        return password != null;
    }
}

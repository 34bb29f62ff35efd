package fr.academie.mail.signin;

import fr.academie.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's application passwords: made for one device, shown once, kept as a hash, listed with their last use,
 * revoked by her (or for her, when her account is disabled or her password changes); a revoked one opens nothing.
 */
@ApplicationScoped
@Transactional
public class AppPasswordService {

    /** Enough for every device of a person; beyond, a forgotten one should be revoked first. */
    static final int AT_MOST = 20;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Her passwords that still work, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AppPasswordView> list(String ownerId) {
        return AppPassword.<AppPassword>list("ownerId = ?1 and revokedAt is null order by createdAt desc", ownerId)
                .stream().map(password -> AppPasswordView.of(password, null)).toList();
    }

    /** A new password for the device; the answer is the only time its secret is shown. */
    public AppPasswordView create(String ownerId, AppPasswordInput input) {
        if (AppPassword.count("ownerId = ?1 and revokedAt is null", ownerId) >= AT_MOST) {
            throw ProblemException.conflict("urn:portail:mail:app-passwords-full", "Trop de mots de passe d'application",
                    "Vous avez déjà " + AT_MOST + " mots de passe d'application : révoquez ceux des appareils que vous "
                            + "n'utilisez plus avant d'en créer un autre.", null);
        }
        String secret = secret();
        AppPassword password = new AppPassword();
        password.id = UUID.randomUUID();
        password.ownerId = ownerId;
        password.name = input.name().strip();
        password.hash = hash(secret);
        password.createdAt = Instant.now();
        password.persist();
        return AppPasswordView.of(password, secret);
    }

    /** Revokes one of her passwords: the next command of a client signed in with it is refused. */
    public Optional<AppPasswordView> revoke(String ownerId, UUID id) {
        return AppPassword.<AppPassword>find("id = ?1 and ownerId = ?2 and revokedAt is null", id, ownerId)
                .firstResultOptional().map(password -> {
                    password.revokedAt = Instant.now();
                    password.revokedBecause = AppPassword.Revocation.PERSONNE;
                    return AppPasswordView.of(password, null);
                });
    }

    /** Revokes every password of hers, or those made before {@code before} when given; how many. */
    public int revokeAll(String ownerId, AppPassword.Revocation why, Instant before) {
        return AppPassword.update("revokedAt = ?1, revokedBecause = ?2 where ownerId = ?3 and revokedAt is null"
                + " and createdAt < ?4", Instant.now(), why, ownerId, before == null ? Instant.now() : before);
    }

    /** The password of hers that this secret is (typed with or without spaces, in any case), noting its use. */
    Optional<UUID> use(String ownerId, String typed, String address) {
        return AppPassword.<AppPassword>find("ownerId = ?1 and hash = ?2 and revokedAt is null", ownerId, hash(typed))
                .firstResultOptional().map(password -> {
                    password.lastUsedAt = Instant.now();
                    password.lastUsedAddress = address;
                    return password.id;
                });
    }

    /**
     * The account has lost its mail programs' access (disabled, "ce n'était pas moi"): every application password is
     * revoked and every session opened before now, whatever its way in, is to end; how many passwords.
     */
    public int revokeAccess(String ownerId, AppPassword.Revocation why) {
        Instant now = Instant.now();
        AppPassword.getEntityManager().createNativeQuery("""
                        insert into access_revocation (owner_id, revoked_at, reason) values (?1, ?2, ?3)
                        on conflict (owner_id) do update set revoked_at = excluded.revoked_at, reason = excluded.reason""")
                .setParameter(1, ownerId).setParameter(2, now).setParameter(3, why.name()).executeUpdate();
        return revokeAll(ownerId, why, now.plusNanos(1000));
    }

    /** Whether the account's access was revoked after that instant (a session opened then is to end). */
    public boolean accessRevokedSince(String ownerId, Instant since) {
        return !AppPassword.getEntityManager().createNativeQuery(
                        "select 1 from access_revocation where owner_id = ?1 and revoked_at > ?2")
                .setParameter(1, ownerId).setParameter(2, since).getResultList().isEmpty();
    }

    /** Whether the password still works (a client signed in with it asks again every few seconds). */
    public boolean works(UUID id) {
        return AppPassword.count("id = ?1 and revokedAt is null", id) > 0;
    }

    /** Sixteen random letters in four groups, easy to type on a phone: "abcd efgh ijkl mnop". */
    private static String secret() {
        StringBuilder secret = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                secret.append(' ');
            }
            secret.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return secret.toString();
    }

    static byte[] hash(String typed) {
        String letters = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        try {
            return MessageDigest.getInstance("SHA-256").digest(letters.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

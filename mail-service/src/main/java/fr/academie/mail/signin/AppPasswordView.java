package fr.academie.mail.signin;

import java.time.Instant;
import java.util.UUID;

/**
 * An application password as its owner sees it, never its secret; {@code password} only in the answer that creates
 * it (shown once, as Google and Microsoft do), in four groups of four letters.
 */
public record AppPasswordView(UUID id, String name, Instant createdAt, Instant lastUsedAt, String lastUsedAddress,
                              String password) {

    static AppPasswordView of(AppPassword password, String secret) {
        return new AppPasswordView(password.id, password.name, password.createdAt, password.lastUsedAt,
                password.lastUsedAddress, secret);
    }
}

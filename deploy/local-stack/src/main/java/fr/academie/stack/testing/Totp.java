package fr.academie.stack.testing;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.apache.commons.codec.binary.Base32;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a person's authenticator app does, for the tests: remembers the secret each demo user enrolled, and
 * gives the current code. The realm refuses a code used before, so a code is never given twice for the same
 * 30-second step: the next one waits for a fresh step.
 */
public final class Totp {

    private static final int PERIOD_SECONDS = 30;
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private Totp() {
    }

    /** The secret a user enrolled, as the enrolment page shows it (base32, spaces allowed). */
    public static void remember(String username, String base32Secret) {
        SECRETS.put(username, base32Secret.replace(" ", ""));
    }

    /** The secret of Keycloak's hidden {@code totpSecret} field (raw text), as the key an app would be given. */
    public static String base32(String rawSecret) {
        return new Base32().encodeToString(rawSecret.getBytes(StandardCharsets.UTF_8)).replace("=", "");
    }

    public static void forget(String username) {
        SECRETS.remove(username);
        LAST_STEP.remove(username);
    }

    public static boolean knows(String username) {
        return SECRETS.containsKey(username);
    }

    /** A code of the user's secret for a step never used before (waits up to 30 s for the next step). */
    public static synchronized String nextCode(String username) {
        String secret = SECRETS.get(username);
        if (secret == null) {
            throw new IllegalStateException(username + " has enrolled no OTP secret in this test run");
        }
        long step = Instant.now().getEpochSecond() / PERIOD_SECONDS;
        long last = LAST_STEP.getOrDefault(username, -1L);
        if (step <= last) {
            step = last + 1;
            sleepUntil(step * PERIOD_SECONDS);
        }
        LAST_STEP.put(username, step);
        try {
            return new DefaultCodeGenerator().generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepUntil(long epochSecond) {
        long millis = epochSecond * 1000 - System.currentTimeMillis() + 200;
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

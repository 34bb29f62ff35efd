package fr.academie.keycloak.signin;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.TimerProvider;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

/**
 * Deletes the journal's attempts older than the period, every so often, a batch at a time (each batch its own
 * transaction, so that a backlog never holds a lock for long): whoever signs in again or not, nothing stays longer.
 */
final class JournalRetention {

    private static final Logger LOG = Logger.getLogger(JournalRetention.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int BATCH = 500;
    /** Batches per run: the next run goes on after so many. */
    private static final int ROUNDS = 200;

    private final Period kept;
    private final Duration every;

    JournalRetention(Period kept, Duration every) {
        if (kept.isNegative() || kept.isZero() || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("The journal's retention and its interval must be positive: " + kept
                    + ", " + every);
        }
        this.kept = kept;
        this.every = every;
    }

    void schedule(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .schedule(() -> forgetSafely(factory), every.toMillis(), "portail-sign-in-retention"));
    }

    /**
     * One run of the sweep that never lets an exception out: the task runs on Keycloak's one timer thread, which an
     * exception would end, and every other timer of Keycloak with it — seen when the first run came before the
     * journal's table existed on a fresh database ("Timer already cancelled", Keycloak stopped during start-up).
     */
    private void forgetSafely(KeycloakSessionFactory factory) {
        try {
            forgetExpired(factory, Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("Retention of the sign-in journal failed, tried again in %s: %s", every, e.getMessage());
        }
    }

    /** Deletes the attempts that have expired at {@code now}; how many. */
    int forgetExpired(KeycloakSessionFactory factory, Instant now) {
        long before = now.atZone(PARIS).minus(kept).toInstant().toEpochMilli();
        int deleted = 0;
        for (int round = 0, batch = BATCH; round < ROUNDS && batch == BATCH; round++) {
            batch = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> session
                    .getProvider(JpaConnectionProvider.class).getEntityManager()
                    .createNativeQuery("delete from PORTAIL_SIGN_IN where ID in"
                            + " (select ID from PORTAIL_SIGN_IN where SIGN_IN_TIME < ?1 limit ?2)")
                    .setParameter(1, before).setParameter(2, BATCH).executeUpdate());
            deleted += batch;
        }
        if (deleted > 0) {
            LOG.infof("Retention: %d sign-in journal entries deleted (kept %s)", deleted, kept);
        }
        return deleted;
    }
}

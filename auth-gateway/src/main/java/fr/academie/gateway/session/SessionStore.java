package fr.academie.gateway.session;

import fr.academie.common.retention.ExpiredRows;
import fr.academie.common.retention.Retention;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The sessions' rows in the gateway's database ({@code gateway_session}), each statement its own autocommit (no
 * transaction spans a call to Keycloak). Blocking: call it from a worker thread, never the event loop.
 */
@ApplicationScoped
public class SessionStore {

    private static final Retention ENDED = new Retention("ended sessions", Period.ofDays(1), "gateway_session",
            "expires_at");
    private static final String COLUMNS = "subject, keycloak_session, key_id, tokens, expires_at, renew_at, version";

    /** A session as kept: whose, which Keycloak session, its tokens, until when, when to renew, how many renewals. */
    public record Stored(String subject, String keycloakSession, AuthorizationCodeTokens tokens, Instant expires,
                         Instant renewAt, long version) {
    }

    private final DataSource dataSource;
    private final SessionCipher cipher;
    private final ExpiredRows expired;

    public SessionStore(DataSource dataSource, SessionCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.expired = new ExpiredRows(dataSource);
    }

    public void insert(String reference, Stored session) {
        byte[] hash = hash(reference);
        SessionCipher.Sealed sealed = cipher.seal(hash, json(session.tokens()));
        update("insert into gateway_session (reference_hash, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)",
                hash, session.subject(), session.keycloakSession(), sealed.keyId(), sealed.bytes(),
                at(session.expires()), at(session.renewAt()), session.version());
    }

    /** The live session of that reference; empty when it ended, expired, or no key of ours opens it. */
    public Optional<Stored> find(String reference) {
        byte[] hash = hash(reference);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                     + " from gateway_session where reference_hash = ? and expires_at > now()")) {
            select.setBytes(1, hash);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String subject = row.getString("subject");
                String keycloakSession = row.getString("keycloak_session");
                Instant expires = row.getObject("expires_at", OffsetDateTime.class).toInstant();
                Instant renewAt = row.getObject("renew_at", OffsetDateTime.class).toInstant();
                long version = row.getLong("version");
                return cipher.open(hash, new SessionCipher.Sealed(row.getString("key_id"), row.getBytes("tokens")))
                        .map(text -> new Stored(subject, keycloakSession, tokens(text), expires, renewAt, version));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Sessions unreadable: " + e.getMessage(), e);
        }
    }

    public void delete(String reference) {
        update("delete from gateway_session where reference_hash = ?", hash(reference));
    }

    /** Ends every session of the Keycloak session (a back-channel logout); returns how many. */
    public int endKeycloakSession(String keycloakSession) {
        return update("delete from gateway_session where keycloak_session = ?", keycloakSession);
    }

    /**
     * Takes the lease to renew the session's tokens, if they are still at that version and no other replica holds a
     * live lease: true for exactly one replica.
     */
    public boolean claimRenewal(String reference, long version, Duration lease) {
        return update("update gateway_session set renewing_until = ? where reference_hash = ? and version = ?"
                + " and (renewing_until is null or renewing_until < now())", at(Instant.now().plus(lease)),
                hash(reference), version) == 1;
    }

    /** Keeps the renewed tokens (the lease ends); false if the session ended meanwhile. */
    public boolean renewed(String reference, long version, AuthorizationCodeTokens tokens, Instant expires,
                           Instant renewAt) {
        byte[] hash = hash(reference);
        SessionCipher.Sealed sealed = cipher.seal(hash, json(tokens));
        return update("update gateway_session set key_id = ?, tokens = ?, expires_at = ?, renew_at = ?,"
                + " renewing_until = null, version = version + 1 where reference_hash = ? and version = ?",
                sealed.keyId(), sealed.bytes(), at(expires), at(renewAt), hash, version) == 1;
    }

    /** Gives the lease back without renewing (Keycloak did not answer): another replica may try. */
    public void release(String reference, long version) {
        update("update gateway_session set renewing_until = null where reference_hash = ? and version = ?",
                hash(reference), version);
    }

    /**
     * Ended sessions go, a day past their end (a session lives 10 hours at most, and is refused once ended), in the
     * retention jobs' batches.
     */
    @Scheduled(every = "PT10M", delayed = "PT1M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteEnded() {
        deleteEnded(Instant.now());
    }

    /** Deletes the sessions ended a day before {@code now}; how many. */
    public int deleteEnded(Instant now) {
        return expired.delete(List.of(ENDED), now).get(ENDED.kind());
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Sessions not written: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The key a row is found by: the reference's SHA-256, so that the table alone opens no session. */
    static byte[] hash(String reference) {
        return SessionCipher.sha256(reference.getBytes(StandardCharsets.US_ASCII));
    }

    private static String json(AuthorizationCodeTokens tokens) {
        return new JsonObject().put("id", tokens.getIdToken()).put("access", tokens.getAccessToken())
                .put("refresh", tokens.getRefreshToken()).put("expiresIn", tokens.getAccessTokenExpiresIn()).encode();
    }

    private static AuthorizationCodeTokens tokens(String json) {
        JsonObject tokens = new JsonObject(json);
        return new AuthorizationCodeTokens(tokens.getString("id"), tokens.getString("access"),
                tokens.getString("refresh"), tokens.getLong("expiresIn"));
    }
}

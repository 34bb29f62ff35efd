package fr.academie.stack;

import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.TestStack.Account;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in journal (keycloak-extensions) keeps an attempt a year, then its sweep deletes it, whether or not the
 * person signs in again: attempts written in the past (the clock moved back for them) go at the next sweep (every
 * 10 s in the stack), younger ones stay, and so do the other accounts'.
 */
class SignInJournalRetentionTest {

    private final TestStack stack = TestStack.get();

    @Test
    void anAttemptOlderThanAYearIsSweptAndYoungerOnesStay() throws Exception {
        Account account = stack.newAccount("personnel");
        Account other = stack.newAccount("personnel");
        stack.accessToken(account.username());
        stack.accessToken(other.username());
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Europe/Paris"));
        String thirteenMonths = attemptAt(account, now.minusMonths(13).toInstant());
        String elevenMonths = attemptAt(account, now.minusMonths(11).toInstant());
        String otherOld = attemptAt(other, now.minusYears(2).toInstant());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while ((exists(thirteenMonths) || exists(otherOld)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }

        assertTrue(!exists(thirteenMonths) && !exists(otherOld), "attempts older than a year are swept");
        assertTrue(exists(elevenMonths), "an attempt of eleven months stays");
        assertEquals(1, count("select count(*) from portail_sign_in where user_id = ? and sign_in_time > ?",
                account.id(), now.minusDays(1).toInstant().toEpochMilli()), "today's sign-in stays");
        assertEquals(1, count("select count(*) from portail_sign_in where user_id = ? and sign_in_time > ?",
                other.id(), now.minusDays(1).toInstant().toEpochMilli()), "and so does the other account's");
    }

    /** A journal row like the account's sign-in of today, dated {@code at}. */
    private String attemptAt(Account account, Instant at) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection db = keycloakDatabase(); PreparedStatement copy = db.prepareStatement("""
                insert into portail_sign_in (id, realm_id, user_id, sign_in_time, success, client_id, ip_address,
                                             network, browser, os, device_key, alert, kind)
                select ?, realm_id, user_id, ?, success, client_id, ip_address, network, browser, os, device_key,
                       'NONE', kind
                from portail_sign_in where user_id = ? limit 1""")) {
            copy.setString(1, id);
            copy.setLong(2, at.toEpochMilli());
            copy.setString(3, account.id());
            assertEquals(1, copy.executeUpdate(), "the account's sign-in of today is in the journal");
        }
        return id;
    }

    private boolean exists(String id) throws SQLException {
        return count("select count(*) from portail_sign_in where id = ?", id, null) == 1;
    }

    private long count(String sql, String first, Long second) throws SQLException {
        try (Connection db = keycloakDatabase(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, first);
            if (second != null) {
                query.setLong(2, second);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private Connection keycloakDatabase() throws SQLException {
        return DriverManager.getConnection(stack.stack().jdbcUrl("keycloak"), "keycloak", "");
    }
}

package fr.academie.e2e;

import fr.academie.stack.DemoAccounts;
import fr.academie.stack.Service;
import fr.academie.stack.testing.MailClients;
import fr.academie.stack.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Accepting means stored", tried with a real crash: mail-service killed (SIGKILL) after a message's final dot and
 * before its 250 stores nothing, and the sending server's retry, once mail-service is back, is stored once.
 */
class MxCrashIT {

    private static final TestStack STACK = TestStack.get();
    private static final String LENA = DemoAccounts.id("lmartin");

    @Test
    void aMessageCaughtByACrashBeforeIts250IsNotStoredAndItsRetryIsStoredOnce() throws Exception {
        STACK.service(Service.MAIL);
        String subject = "Devis cantine " + UUID.randomUUID();
        Path message = Files.createTempFile("devis", ".eml");
        Files.writeString(message, "From: Fournisseur <devis@restauration-exemple.fr>\r\nTo: lena.martin@ac-orleans-tours.fr"
                + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID() + "@restauration-exemple.fr>\r\n\r\n"
                + "Veuillez trouver notre devis.\r\n", StandardCharsets.US_ASCII);

        try (Connection db = DriverManager.getConnection(STACK.stack().jdbcUrl("mail"), "mail", "")) {
            db.setAutoCommit(false);
            // Léna's mailbox row held here: her delivery waits on it, after the final dot, before its commit and 250
            try (PreparedStatement hold = db.prepareStatement("select 1 from mailbox where owner_id = ? for update")) {
                hold.setString(1, LENA);
                assertTrue(hold.executeQuery().next(), "Léna's mailbox exists (demo mail)");
            }
            Process sender = swaks(message);
            awaitDeliveryWaitingOnTheMailbox();
            STACK.kill(Service.MAIL);
            db.rollback();
            String transcript = transcript(sender);
            assertTrue(transcript.contains("\n -> .\n"), "the final dot was sent: " + transcript);
            assertFalse(transcript.substring(transcript.indexOf("\n -> .\n")).contains("<-  250"), transcript);
            assertFalse(sender.exitValue() == 0, "the sender saw no 250: " + transcript);
        }
        assertEquals(0, stored(subject), "nothing of the message whose 250 never left");

        STACK.restart(Service.MAIL);
        Process retry = swaks(message);
        String transcript = transcript(retry);
        assertEquals(0, retry.exitValue(), transcript);
        assertEquals(1, stored(subject), "the retry is stored, once");
    }

    private static Process swaks(Path message) throws IOException {
        return new ProcessBuilder(MailClients.require("swaks", "swaks").toString(), "--server", "127.0.0.1",
                "--port", String.valueOf(STACK.stack().mxPort()), "--ehlo", "mx.restauration-exemple.fr",
                "--from", "devis@restauration-exemple.fr", "--to", "lena.martin@ac-orleans-tours.fr",
                "--data", "@" + message, "--timeout", "60").redirectErrorStream(true).start();
    }

    private static String transcript(Process swaks) throws IOException, InterruptedException {
        String output = new String(swaks.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(swaks.waitFor(90, TimeUnit.SECONDS), output);
        return output;
    }

    /**
     * Until PostgreSQL shows the delivery's quota update waiting for the row this test holds; asked on a connection of
     * its own, outside the holding transaction (which would keep seeing the first snapshot of pg_stat_activity).
     */
    private static void awaitDeliveryWaitingOnTheMailbox() throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        try (Connection db = DriverManager.getConnection(STACK.stack().jdbcUrl("mail"), "mail", "");
             PreparedStatement waiting = db.prepareStatement("select count(*) from pg_stat_activity where "
                + "wait_event_type = 'Lock' and query like 'update mailbox set used_bytes%'")) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rows = waiting.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the delivery never reached Léna's mailbox row");
    }

    private static int stored(String subject) throws SQLException {
        try (Connection db = DriverManager.getConnection(STACK.stack().jdbcUrl("mail"), "mail", "");
             PreparedStatement count = db.prepareStatement("select count(*) from message where owner_id = ? and subject = ?")) {
            count.setString(1, LENA);
            count.setString(2, subject);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}

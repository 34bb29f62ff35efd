package fr.academie.mail.retention;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What mail-service keeps no longer (mail.retention.*): a message that sat 30 days in the trash or in Indésirables
 * is deleted for good and its bytes freed, counted from when it was put there, whichever way; the records about mail
 * go after their periods; the rest of a person's mail stays, however old.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class MailRetentionTest {

    @Inject
    MailRetention retention;

    @Test
    void thirtyDaysInTheTrashOrInIndesirablesAndTheMessageIsGoneWithItsBytesWhileOlderMailElsewhereStays() {
        TestMailbox nadia = TestMailbox.create();
        String spam = nadia.importMessage(nadia.folder("JUNK"), message("Gagnez un iPhone"));
        nadia.importMessage(nadia.folder("JUNK"), message("Promotion de la semaine"));
        String deleted = nadia.importMessage(nadia.folder("TRASH"), message("Ancienne circulaire"));
        String lastYear = nadia.importMessage(nadia.folder("INBOX"), message("Réunion de l'an dernier"));
        String trashedToday = nadia.importMessage(nadia.folder("INBOX"), message("Convocation périmée"));
        filedDaysAgo(spam, 31);
        filedDaysAgo(deleted, 31);
        filedDaysAgo(lastYear, 400);
        filedDaysAgo(trashedToday, 400);
        nadia.act("TRASH", trashedToday); // in the trash from now on, however long it sat in the inbox
        long before = used(nadia);

        Map<String, Integer> counts = retention.deleteExpired(Instant.now());

        assertEquals(1, counts.get("messages in the trash"));
        assertEquals(1, counts.get("messages in Indésirables"));
        assertEquals(List.of("Promotion de la semaine"), subjects(nadia, "JUNK"));
        assertEquals(List.of("Convocation périmée"), subjects(nadia, "TRASH"));
        assertEquals(List.of("Réunion de l'an dernier"), subjects(nadia, "INBOX"));
        assertEquals(before - message("Gagnez un iPhone").length() - message("Ancienne circulaire").length(), used(nadia));
    }

    @Test
    void recordsAboutMailGoAfterTheirPeriodsAndYoungerOnesStay() {
        String owner = "retention-" + UUID.randomUUID();
        sql("insert into forwarding_audit (id, owner_id, at, change) values (?1, ?2, ?3, 'renvoi vers x')",
                UUID.randomUUID(), owner, daysAgo(400));
        sql("insert into forwarding_audit (id, owner_id, at, change) values (?1, ?2, ?3, 'renvoi vers y')",
                UUID.randomUUID(), owner, daysAgo(300));
        String password = "insert into app_password (id, owner_id, name, hash, created_at, revoked_at) values (?1, ?2,"
                + " 'Téléphone', sha256(?3), ?4, ?5)";
        sql(password, UUID.randomUUID(), owner, UUID.randomUUID().toString().getBytes(), daysAgo(500), daysAgo(400));
        sql(password, UUID.randomUUID(), owner, UUID.randomUUID().toString().getBytes(), daysAgo(500), daysAgo(10));
        sql("insert into app_password (id, owner_id, name, hash, created_at) values (?1, ?2, 'Portable', sha256(?3), ?4)",
                UUID.randomUUID(), owner, UUID.randomUUID().toString().getBytes(), daysAgo(500));
        sql("insert into auto_reply_sent (owner_id, sender, sent_at) values (?1, 'a@exemple.com', ?2)", owner, daysAgo(100));
        sql("insert into auto_reply_sent (owner_id, sender, sent_at) values (?1, 'b@exemple.com', ?2)", owner, daysAgo(80));
        sql("insert into notification (caller, key, message_id, created_at) values ('retention', ?1, ?2, ?3)",
                owner, UUID.randomUUID(), daysAgo(400));

        Map<String, Integer> counts = retention.deleteExpired(Instant.now());

        assertEquals(Map.of("forwarding journal entries", 1, "revoked application passwords", 1,
                "auto-reply recipients", 1, "notification receipts", 1), Map.of(
                "forwarding journal entries", counts.get("forwarding journal entries"),
                "revoked application passwords", counts.get("revoked application passwords"),
                "auto-reply recipients", counts.get("auto-reply recipients"),
                "notification receipts", counts.get("notification receipts")));
        assertEquals(1, count("forwarding_audit", owner));
        assertEquals(2, count("app_password", owner), "the password revoked 10 days ago and the one in use stay");
        assertEquals(1, count("auto_reply_sent", owner));
    }

    private static String message(String subject) {
        return "From: expediteur@exemple.com\r\nSubject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID()
                + "@exemple.com>\r\n\r\nTexte.\r\n";
    }

    private static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    private static void filedDaysAgo(String messageId, int days) {
        sql("update message set filed_at = ?1 where id = ?2", daysAgo(days), UUID.fromString(messageId));
    }

    private static void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = Panache.getEntityManager().createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    private static long count(String table, String owner) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from " + table + " where owner_id = ?1").setParameter(1, owner)
                .getSingleResult()).longValue());
    }

    private static long used(TestMailbox mailbox) {
        return given().auth().oauth2(mailbox.token()).get("/mailbox").then().extract().jsonPath().getLong("used");
    }

    private static List<String> subjects(TestMailbox mailbox, String role) {
        return given().auth().oauth2(mailbox.token()).get("/folders/{id}/messages", mailbox.folder(role)).then()
                .statusCode(200).extract().jsonPath().getList("items.subject", String.class);
    }
}

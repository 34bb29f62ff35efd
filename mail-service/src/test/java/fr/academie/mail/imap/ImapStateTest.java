package fr.academie.mail.imap;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an IMAP client relies on is kept by the database whatever door changes the mailbox: UIDs unique and ascending
 * in a folder (a new one after a move), a MODSEQ raised by every visible change (a label too), a UIDVALIDITY per
 * folder, and a journal of the changes for the sessions of every replica.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class ImapStateTest {

    @Inject
    MailboxChanges changes;

    private record Numbers(long uid, long modseq) {
    }

    @Test
    void messagesArrivingTogetherGetDistinctAscendingUidsAndTheFolderItsLastUid() {
        TestMailbox lena = TestMailbox.create();
        String inbox = lena.folder("INBOX");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<String>> imports = IntStream.range(0, 12)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> importInto(lena, inbox, "m" + i), pool)).toList();
            imports.forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
        List<Long> uids = query("select uid from message where folder_id = ?1 order by uid", UUID.fromString(inbox))
                .stream().map(row -> ((Number) row).longValue()).toList();
        assertEquals(LongStream.rangeClosed(1, 12).boxed().toList(), uids);
        assertEquals(12L, single("select last_uid from folder where id = ?1", UUID.fromString(inbox)));
    }

    @Test
    void aMoveGivesANewUidInTheDestinationAndIsJournalledAsExpungedThenAdded() {
        TestMailbox lena = TestMailbox.create();
        String inbox = lena.folder("INBOX");
        String archive = lena.folder("ARCHIVE");
        importInto(lena, archive, "déjà archivé");
        String moved = importInto(lena, inbox, "à archiver");
        Numbers before = numbers(moved);
        lena.act(Map.of("action", "MOVE", "ids", List.of(moved), "folderId", archive));
        Numbers after = numbers(moved);
        assertEquals(2, after.uid(), "after the archive's first message");
        assertEquals(List.of("E " + inbox + " " + before.uid(), "A " + archive + " " + after.uid()),
                journal(lena.id()).subList(2, 4));
    }

    @Test
    void aFlagAndALabelEachRaiseTheModseqAndAreJournalledAsFlagChanges() {
        TestMailbox lena = TestMailbox.create();
        String inbox = lena.folder("INBOX");
        String id = importInto(lena, inbox, "à lire");
        Numbers arrived = numbers(id);
        lena.act(Map.of("action", "FLAG", "ids", List.of(id)));
        Numbers read = numbers(id);
        assertEquals(arrived.uid(), read.uid());
        assertTrue(read.modseq() > arrived.modseq());
        lena.act(Map.of("action", "FLAG", "ids", List.of(id)));
        assertEquals(read, numbers(id), "nothing changed, nothing raised");

        String label = given().auth().oauth2(lena.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Conseil", "color", "#1a73e8")).post("/labels").then().statusCode(201)
                .extract().path("id");
        lena.act(Map.of("action", "LABEL", "ids", List.of(id), "labelId", label));
        Numbers labelled = numbers(id);
        assertTrue(labelled.modseq() > read.modseq());
        assertEquals(labelled.modseq(), single("select highest_modseq from folder where id = ?1", UUID.fromString(inbox)));
        assertEquals(List.of("A " + inbox + " 1", "F " + inbox + " 1", "F " + inbox + " 1"), journal(lena.id()));
    }

    @Test
    void aDeletionIsJournalledAndEveryFolderHasItsOwnUidValidity() {
        TestMailbox lena = TestMailbox.create();
        String trash = lena.folder("TRASH");
        String id = importInto(lena, trash, "à effacer");
        lena.act(Map.of("action", "DELETE_FOREVER", "ids", List.of(id)));
        assertEquals(List.of("A " + trash + " 1", "E " + trash + " 1"), journal(lena.id()));
        List<Object> validities = query("select uid_validity from folder where owner_id = ?1", lena.id());
        assertEquals(validities.size(), validities.stream().distinct().count());
        validities.forEach(v -> assertTrue(((Number) v).longValue() > 0 && ((Number) v).longValue() < (1L << 32)));
        assertNotEquals(0, validities.size());
    }

    @Test
    void theJournalForgetsWhatIsOlderThanTenMinutes() {
        TestMailbox lena = TestMailbox.create();
        String inbox = lena.folder("INBOX");
        importInto(lena, inbox, "ancien");
        importInto(lena, inbox, "récent");
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                "update mailbox_change set at = now() - interval '11 minutes' where owner_id = ?1 and uid = 1")
                .setParameter(1, lena.id()).executeUpdate());
        changes.forgetOldChanges();
        assertEquals(List.of("A " + inbox + " 2"), journal(lena.id()));
    }

    private static String importInto(TestMailbox mailbox, String folder, String subject) {
        String message = "From: parent@example.org\r\nSubject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID()
                + "@example.org>\r\n\r\nBonjour\r\n";
        return mailbox.importMessage(folder, message);
    }

    private static Numbers numbers(String message) {
        Object[] row = (Object[]) query("select uid, modseq from message where id = ?1", UUID.fromString(message)).get(0);
        return new Numbers(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** The person's journal, oldest first, as "kind folder uid". */
    private static List<String> journal(String owner) {
        return query("select kind || ' ' || folder_id || ' ' || uid from mailbox_change where owner_id = ?1 order by seq",
                owner).stream().map(String::valueOf).toList();
    }

    private static long single(String sql, Object parameter) {
        return ((Number) query(sql, parameter).get(0)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> query(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(sql)
                .setParameter(1, parameter).getResultList());
    }
}

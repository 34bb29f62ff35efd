package fr.academie.mail.imap;

import fr.academie.mail.TestMailbox;
import fr.academie.mail.submission.SubmissionServer;
import fr.academie.stack.testing.MailClients;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Léna's mailbox synchronised by mbsync (isync) both ways, over implicit TLS with the server's certificate checked,
 * as a desktop user would set it up from the README: every folder down to a Maildir with its flags, then a message
 * written and one read in the Maildir up to the web page; one message fetched by curl's IMAP, byte for byte; and
 * neomutt in batch mode sending through submission.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class ImapClientsTest {

    @Inject
    ImapServer imap;

    @Inject
    SubmissionServer submission;

    @Test
    void mbsyncBringsEveryFolderDownWithItsFlagsAndWhatItChangesGoesUp() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String inbox = lena.folder("INBOX");
        String flagged = lena.importMessage(inbox, "From: a@example.org\r\nSubject: Important\r\n\r\nUn\r\n");
        lena.importMessage(inbox, "From: b@example.org\r\nSubject: Ordinaire\r\n\r\nDeux\r\n");
        lena.act("FLAG", flagged);
        String projets = given().auth().oauth2(lena.token()).contentType(ContentType.JSON).body(Map.of("name", "Projets"))
                .post("/folders").then().statusCode(201).extract().path("id");
        lena.importMessage(projets, "From: c@example.org\r\nSubject: Projet\r\n\r\nTrois\r\n");
        Path work = Files.createTempDirectory("mbsync");
        try {
            Path config = mbsyncConfig(work, lena.address(), lena.appPassword("Poste Linux"));
            String first = mbsync(config);
            Path local = work.resolve("courrier");
            List<Path> inboxFiles = messages(local.resolve("INBOX"));
            assertEquals(2, inboxFiles.size(), first);
            assertTrue(inboxFiles.stream().anyMatch(f -> f.getFileName().toString().matches(".*:2,[A-Z]*F.*")),
                    "the flag came down: " + inboxFiles);
            assertEquals(1, messages(local.resolve("Projets")).size(), "every folder: " + first);

            // up: a message written in the Maildir (as a client saves a draft), and one marked read there
            Path written = local.resolve("INBOX").resolve("new").resolve("1700000000.portail.local");
            Files.writeString(written, "From: " + lena.address() + "\r\nSubject: Ecrit hors ligne\r\n\r\nQuatre\r\n",
                    StandardCharsets.US_ASCII);
            Path ordinary = inboxFiles.stream().filter(f -> !f.getFileName().toString().matches(".*:2,[A-Z]*F.*"))
                    .findFirst().orElseThrow();
            Files.move(ordinary, ordinary.resolveSibling(ordinary.getFileName().toString().replaceAll(":2,.*$", "") + ":2,S"));
            String second = mbsync(config);
            lena.awaitMessage("INBOX", "Ecrit hors ligne");
            assertEquals(false, lena.awaitMessage("INBOX", "Ordinaire").getBoolean("unread"), "read in the Maildir: "
                    + second);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void neomuttInBatchModeSendsThroughSubmissionWithAnApplicationPassword() throws Exception {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        Path work = Files.createTempDirectory("neomutt");
        try {
            // no copy: neomutt files none to an IMAP folder in batch mode ("Fcc … not supported in batch mode")
            Path config = Files.writeString(work.resolve("neomuttrc"), """
                    set from = "%s"
                    set real_name = "Léna Martin"
                    set certificate_file = "%s"
                    set ssl_verify_host = yes
                    set smtp_url = "smtps://%s@127.0.0.1:%d/"
                    set smtp_pass = "%s"
                    set copy = no
                    set charset = "utf-8"
                    set send_charset = "utf-8"
                    """.formatted(lena.address(), certificate(work.resolve("serveur.pem")),
                    URLEncoder.encode(lena.address(), StandardCharsets.UTF_8), submission.implicitTlsPort(),
                    lena.appPassword("Neomutt")));
            Path body = Files.writeString(work.resolve("corps.txt"), "Bonjour Samir,\nles copies sont prêtes.\n");
            Path output = work.resolve("sortie.txt");
            Process neomutt = new ProcessBuilder(MailClients.require("neomutt", "neomutt").toString(), "-n", "-F",
                    config.toString(), "-s", "Copies du bac blanc", "--", samir.address())
                    .redirectInput(body.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertTrue(neomutt.waitFor(120, TimeUnit.SECONDS), "neomutt did not end");
            assertEquals(0, neomutt.exitValue(), Files.readString(output));
            JsonPath received = samir.awaitMessage("INBOX", "Copies du bac blanc");
            assertTrue(received.getString("snippet").contains("prêtes"), received.prettify());
            assertEquals(lena.address(), received.getString("from.address"), "from her, through the académie's inbox");
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void curlFetchesAMessageByUidByteForByte() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String message = "From: parent@example.org\r\nSubject: Par curl\r\nMessage-ID: <" + UUID.randomUUID()
                + "@example.org>\r\n\r\nBonjour\r\n";
        lena.importMessage(lena.folder("INBOX"), message);
        Path certificate = certificate(Files.createTempFile("serveur", ".pem"));
        try {
            Process curl = new ProcessBuilder(MailClients.require("curl", "curl").toString(), "-sS", "--cacert",
                    certificate.toString(), "--url", "imaps://127.0.0.1:" + imap.implicitTlsPort() + "/INBOX;UID=1",
                    "--user", lena.address() + ":" + lena.appPassword("Poste Linux")).start();
            String fetched = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(curl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(curl.waitFor(60, TimeUnit.SECONDS), errors);
            assertEquals(0, curl.exitValue(), errors);
            assertEquals(message, fetched);
        } finally {
            Files.deleteIfExists(certificate);
        }
    }

    /** The configuration the README gives, pointed at this test's server. */
    private Path mbsyncConfig(Path work, String address, String password) throws IOException, InterruptedException {
        Path certificate = certificate(work.resolve("serveur.pem"));
        Files.createDirectories(work.resolve("courrier"));
        return Files.writeString(work.resolve("mbsyncrc"), MailClients.mbsyncrc(imap.implicitTlsPort(), address,
                password, certificate, work.resolve("courrier")));
    }

    private static String mbsync(Path config) throws IOException, InterruptedException {
        Process mbsync = new ProcessBuilder(MailClients.require("mbsync", "isync").toString(), "-c", config.toString(),
                "-a").redirectErrorStream(true).start();
        String output = new String(mbsync.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(mbsync.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, mbsync.exitValue(), output);
        return output;
    }

    private static List<Path> messages(Path maildir) throws IOException {
        List<Path> found = new ArrayList<>();
        for (String part : List.of("cur", "new")) {
            try (Stream<Path> files = Files.list(maildir.resolve(part))) {
                files.forEach(found::add);
            }
        }
        return found;
    }

    /** The server's certificate in PEM (a client checks it: no "insecure" switch). */
    private static Path certificate(Path pem) throws IOException {
        return Files.writeString(pem, TestStack.get().stack().mailClientsCertificate());
    }
}

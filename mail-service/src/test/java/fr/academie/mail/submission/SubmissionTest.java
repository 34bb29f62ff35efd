package fr.academie.mail.submission;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.SmtpSink;
import fr.academie.stack.testing.MailClients;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SMTP submission, driven by clients nobody here wrote (Python's smtplib, swaks): signed in over TLS with an
 * application password or a realm token, Léna's message reaches a colleague's inbox at once and leaves for the
 * outside through the relay, DKIM-signed; someone else's address, no sign-in, or a password in clear text: refused.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class SubmissionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    SubmissionServer submission;

    @Test
    void signedInWithAnApplicationPasswordLenaSendsToAColleagueAndOutsideAsTheWebPageSends() throws Exception {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        String outside = "parent." + UUID.randomUUID().toString().substring(0, 8) + "@exemple-famille.fr";
        String subject = "Sortie " + UUID.randomUUID();
        String message = "From: Léna Martin <" + lena.address() + ">\r\nTo: " + samir.address() + ", " + outside
                + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID() + "@poste-de-lena>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nLa sortie est jeudi.\r\n";

        JsonPath sent = submit(String.valueOf(submission.port()), lena.address(), lena.appPassword("Thunderbird"), "PLAIN",
                lena.address(), List.of(samir.address(), outside), message);
        assertEquals("250", sent.getString("outcome"), sent.prettify());
        assertTrue(sent.getString("tls").startsWith("TLSv1."), sent.prettify());
        JsonPath received = samir.awaitMessage("INBOX", subject);
        String source = samir.source(received.getString("id"));
        assertTrue(source.endsWith(message), "the message as the client wrote it");
        assertFalse(source.contains("Received:"), "the client's address is told to no one");
        assertEquals(0, lena.count("SENT"), "the client keeps its own copy in Envoyés (APPEND)");

        SmtpSink sink = TestStack.get().stack().smtp();
        await().atMost(PATIENCE).until(() -> !sink.receivedFor(outside).isEmpty());
        SmtpSink.Received relayed = sink.receivedFor(outside).get(0);
        assertEquals(lena.address(), relayed.from());
        assertTrue(relayed.text().contains("DKIM-Signature:"), "signed for the académie, as the web page's mail");
    }

    @Test
    void aTokenOfTheRealmSignsInWithOauthbearerOrXoauth2AndSwaksSendsOverImplicitTls() throws Exception {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        for (String mechanism : List.of("OAUTHBEARER", "XOAUTH2")) {
            String subject = mechanism + " " + UUID.randomUUID();
            JsonPath sent = submit(String.valueOf(submission.port()), lena.address(), lena.token(), mechanism,
                    lena.address(), List.of(samir.address()), "From: " + lena.address() + "\r\nSubject: " + subject
                            + "\r\n\r\nBonjour\r\n");
            assertEquals("250", sent.getString("outcome"), sent.prettify());
            samir.awaitMessage("INBOX", subject);
        }
        JsonPath foreign = submit(String.valueOf(submission.port()), lena.address(), TestStack.get().foreignToken(),
                "OAUTHBEARER", lena.address(), List.of(samir.address()), "From: " + lena.address() + "\r\n\r\nx\r\n");
        assertEquals("not signed in", foreign.getString("outcome"), foreign.prettify());

        String subject = "Implicite " + UUID.randomUUID();
        Process swaks = new ProcessBuilder(MailClients.require("swaks", "swaks").toString(), "--server", "127.0.0.1",
                "--port", String.valueOf(submission.implicitTlsPort()), "--tls-on-connect", "--auth", "LOGIN",
                "--auth-user", lena.address(), "--auth-password", lena.appPassword("Thunderbird"), "--from", lena.address(),
                "--to", samir.address(), "--header", "Subject: " + subject, "--body", "Par TLS implicite.")
                .redirectErrorStream(true).start();
        String transcript = new String(swaks.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(swaks.waitFor(60, TimeUnit.SECONDS), transcript);
        assertEquals(0, swaks.exitValue(), transcript);
        samir.awaitMessage("INBOX", subject);
    }

    @Test
    void noSignInSomeoneElsesAddressOrAPasswordInClearTextIsRefused() throws Exception {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        String password = lena.appPassword("Thunderbird");
        String port = String.valueOf(submission.port());
        String own = "From: " + lena.address() + "\r\nSubject: Essai\r\n\r\nx\r\n";

        JsonPath anonymous = submit(port, "", "", "NONE", lena.address(), List.of(samir.address()), own);
        assertTrue(anonymous.getString("outcome").startsWith("530"), anonymous.prettify());
        JsonPath clear = submit("clear:" + port, lena.address(), password, "NONE", lena.address(),
                List.of(samir.address()), own);
        assertEquals(List.of(), clear.getList("auth-offered"), "no AUTH offered before STARTTLS: " + clear.prettify());
        JsonPath forced = submit("clear:" + port, lena.address(), password, "PLAIN", lena.address(),
                List.of(samir.address()), own);
        assertEquals(538, forced.getInt("auth[0]"), "a password in clear text opens nothing: " + forced.prettify());
        JsonPath envelope = submit(port, lena.address(), password, "PLAIN", samir.address(), List.of(samir.address()),
                own);
        assertTrue(envelope.getString("outcome").startsWith("553"), envelope.prettify());
        for (String authors : List.of("From: " + samir.address(), "From: " + lena.address() + ", " + samir.address(),
                "From: " + lena.address() + "\r\nSender: " + samir.address(), "Subject: sans auteur")) {
            JsonPath header = submit(port, lena.address(), password, "PLAIN", lena.address(), List.of(samir.address()),
                    authors + "\r\nSubject: Usurpation\r\n\r\nx\r\n");
            assertTrue(header.getString("outcome").startsWith("550"), authors + ": " + header.prettify());
        }
        JsonPath accountPassword = submit(port, lena.address(), DemoAccounts.PASSWORD, "PLAIN",
                lena.address(), List.of(samir.address()), own);
        assertEquals("not signed in", accountPassword.getString("outcome"), accountPassword.prettify());
        assertEquals(0, samir.count("INBOX"));
    }

    /** Runs submit.py (see its usage). */
    private static JsonPath submit(String port, String user, String secret, String mechanism, String sender,
                                   List<String> recipients, String message) throws IOException, InterruptedException {
        Path script = Files.createTempFile("submit", ".py");
        Path file = Files.createTempFile("message", ".eml");
        try (InputStream in = SubmissionTest.class.getResourceAsStream("/submission/submit.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(file, message, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(MailClients.require("python3", "python3").toString(), script.toString(),
                    port, user, secret, mechanism, sender, String.join(",", recipients), file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "submit.py did not end");
            assertEquals(0, process.exitValue(), output);
            return JsonPath.from(output.lines().reduce((first, last) -> last).orElseThrow());
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(file);
        }
    }
}

package fr.academie.mail.managesieve;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.DemoAccounts;
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
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ManageSieve (RFC 5804): sieve-connect, a client nobody here wrote, edits over STARTTLS the rules the web page edits,
 * with an application password; what would not be saved from the web page is refused with the same words; passwords
 * and tokens only once encrypted; a revoked password ends its session; malformed commands get a NO, never a dropped
 * connection.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class ManageSieveTest {

    @Inject
    ManageSieveServer sieve;

    @Test
    void sieveConnectEditsTheRulesTheWebPageEdits() throws Exception {
        TestMailbox samir = TestMailbox.create();
        String password = samir.appPassword("Thunderbird");
        Path work = Files.createTempDirectory("sieve");
        String script = "require [\"fileinto\"];\r\n# Les devis vont dans Fiscalité\r\n"
                + "if header :contains \"subject\" \"Fiscalité\" {\r\n    fileinto \"Fiscalité\";\r\n}\r\n";
        Files.writeString(work.resolve("fiscalite.sieve"), script, StandardCharsets.UTF_8);

        sieveConnect(samir, password, work, "--upload", "--localsieve", "fiscalite.sieve", "--remotesieve", "regles");
        JsonPath uploaded = rules(samir);
        assertEquals(script, uploaded.getString("script"), "byte for byte, the « é » included");
        assertTrue(uploaded.getBoolean("suspended"), "a new script waits for SETACTIVE (RFC 5804 2.6)");
        sieveConnect(samir, password, work, "--activate", "--remotesieve", "regles");
        assertFalse(rules(samir).getBoolean("suspended"));
        assertTrue(sieveConnect(samir, password, work, "--list").contains("regles"));

        List<Map<String, Object>> editor = List.of(Map.of("name", "Devis", "enabled", true, "match", "ALL",
                "conditions", List.of(Map.of("field", "SUBJECT", "operator", "CONTAINS", "value", "devis")),
                "actions", List.of(Map.of("kind", "FLAG"))));
        String saved = given().auth().oauth2(samir.token()).contentType(ContentType.JSON)
                .body(Map.of("rules", editor, "suspended", false)).put("/rules").then().statusCode(200)
                .extract().path("script");
        sieveConnect(samir, password, work, "--download", "--remotesieve", "regles", "--localsieve", "telecharge.sieve");
        assertEquals(saved, Files.readString(work.resolve("telecharge.sieve"), StandardCharsets.UTF_8),
                "what the web editor saved is what the client downloads");
    }

    @Test
    void aScriptTheWebPageWouldRefuseIsRefusedWithItsWordsAndTheRulesStay() throws Exception {
        TestMailbox nadia = TestMailbox.create();
        String password = nadia.appPassword("Thunderbird");
        Path work = Files.createTempDirectory("sieve");
        Files.writeString(work.resolve("bon.sieve"), "require [\"imap4flags\"];\r\naddflag \"\\\\Flagged\";\r\n");
        sieveConnect(nadia, password, work, "--upload", "--localsieve", "bon.sieve", "--remotesieve", "regles");
        String kept = rules(nadia).getString("script");

        Files.writeString(work.resolve("casse.sieve"), "require [\"fileinto\"];\r\nif header :contains \"subject\" {\r\n");
        String broken = sieveConnectFails(nadia, password, work, "--upload", "--localsieve", "casse.sieve",
                "--remotesieve", "regles");
        assertTrue(broken.contains("Ligne") || broken.contains("ligne"), broken);
        Files.writeString(work.resolve("dehors.sieve"), "redirect \"nadia.perso@exemple-famille.fr\";\r\n");
        String outside = sieveConnectFails(nadia, password, work, "--checkscript", "--localsieve", "dehors.sieve");
        assertTrue(outside.contains("charte"), outside);
        assertEquals(kept, rules(nadia).getString("script"), "a refused script changes nothing");
    }

    @Test
    void oneScriptEachActiveOrNotRenamedAndDeletedAsRfc5804Says() throws Exception {
        TestMailbox lena = TestMailbox.create();
        try (SieveDialogue dialogue = signedIn(lena, "PLAIN", plain(lena.address(), lena.appPassword("Poste")))) {
            assertEquals("OK\r\n", dialogue.send("LISTSCRIPTS"), "no rules yet");
            assertTrue(dialogue.send("HAVESPACE \"regles\" 70000").startsWith("NO (QUOTA/MAXSIZE)"));
            assertEquals("OK\r\n", dialogue.send("HAVESPACE \"regles\" 300"));
            byte[] script = "# Règles de Léna\r\nkeep;\r\n".getBytes(StandardCharsets.UTF_8);
            assertEquals("OK\r\n", dialogue.sendBytes(concat("PUTSCRIPT \"mes filtres\" {" + script.length + "+}\r\n",
                    script, "\r\n")));
            assertEquals("\"mes filtres\"\r\nOK\r\n", dialogue.send("LISTSCRIPTS"));
            assertTrue(dialogue.send("PUTSCRIPT \"autre\" \"keep;\"").startsWith("NO (QUOTA/MAXSCRIPTS)"));
            assertEquals("OK\r\n", dialogue.send("SETACTIVE \"mes filtres\""));
            assertEquals("\"mes filtres\" ACTIVE\r\nOK\r\n", dialogue.send("LISTSCRIPTS"));
            assertEquals("{" + script.length + "}\r\n" + new String(script, StandardCharsets.UTF_8) + "\r\nOK\r\n",
                    dialogue.send("GETSCRIPT \"mes filtres\""), "the literal's size in octets");
            assertTrue(dialogue.send("DELETESCRIPT \"mes filtres\"").startsWith("NO (ACTIVE)"));
            assertTrue(dialogue.send("RENAMESCRIPT \"mes filtres\" \"mes filtres\"").startsWith("NO (ALREADYEXISTS)"));
            assertEquals("OK\r\n", dialogue.send("RENAMESCRIPT \"mes filtres\" \"regles\""));
            assertTrue(dialogue.send("GETSCRIPT \"mes filtres\"").startsWith("NO (NONEXISTENT)"));
            assertEquals("OK\r\n", dialogue.send("SETACTIVE \"\""));
            assertTrue(rules(lena).getBoolean("suspended"), "no active script: her rules suspended");
            assertEquals("OK\r\n", dialogue.send("DELETESCRIPT \"regles\""));
            assertEquals("", rules(lena).getString("script"));
            assertEquals("OK\r\n", dialogue.send("LISTSCRIPTS"));
        }
    }

    @Test
    void passwordsAndTokensOnlyOverTlsAndARevokedPasswordEndsItsSession() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String password = lena.appPassword("Tablette");
        try (SieveDialogue clear = new SieveDialogue(sieve.port())) {
            assertTrue(clear.greeting.contains("\"STARTTLS\"") && clear.greeting.contains("\"SASL\" \"\""), clear.greeting);
            assertTrue(clear.greeting.contains("\"VERSION\" \"1.0\""), clear.greeting);
            assertTrue(clear.send("AUTHENTICATE \"PLAIN\" \"" + plain(lena.address(), password) + "\"")
                    .startsWith("NO (ENCRYPT-NEEDED)"));
            assertTrue(clear.send("LISTSCRIPTS").startsWith("NO "), "nothing before signing in");
        }
        try (SieveDialogue accountPassword = encrypted()) {
            assertTrue(accountPassword.send("AUTHENTICATE \"PLAIN\" \"" + plain(lena.address(), DemoAccounts.PASSWORD)
                    + "\"").startsWith("NO "), "never the account's own password: its second factor would be bypassed");
        }
        try (SieveDialogue foreign = encrypted()) {
            assertTrue(foreign.send("AUTHENTICATE \"OAUTHBEARER\" \"" + bearer(lena.address(),
                    TestStack.get().foreignToken()) + "\"").startsWith("NO "), "a token for another audience");
        }
        try (SieveDialogue token = signedIn(lena, "OAUTHBEARER", bearer(lena.address(), lena.token()))) {
            assertTrue(token.send("CAPABILITY").contains("\"OWNER\" \"" + lena.address() + "\""));
        }
        try (SieveDialogue literal = encrypted()) {
            String xoauth2 = Base64.getEncoder().encodeToString(("user=" + lena.address() + "\u0001auth=Bearer "
                    + lena.token() + "\u0001\u0001").getBytes(StandardCharsets.UTF_8));
            assertEquals("OK\r\n", literal.send("AUTHENTICATE \"XOAUTH2\" {" + xoauth2.length() + "+}\r\n" + xoauth2),
                    "the token as a literal, as RFC 5804 wants a long string sent");
        }
        try (SieveDialogue challenged = encrypted()) {
            assertEquals("\"\"", challenged.sendForLine("AUTHENTICATE \"PLAIN\""), "an empty challenge");
            assertEquals("OK\r\n", challenged.send("\"" + plain(lena.address(), password) + "\""));

            String id = given().auth().oauth2(lena.token()).get("/app-passwords").then().statusCode(200)
                    .extract().path("items[0].id");
            given().auth().oauth2(lena.token()).delete("/app-passwords/{id}", id).then().statusCode(200);
            Thread.sleep(2_100); // a password found valid is believed so for 2 s
            String bye = challenged.send("LISTSCRIPTS");
            assertTrue(bye.startsWith("BYE ") && bye.contains("révoqué"), bye);
            assertTrue(challenged.closed());
        }
    }

    @Test
    void malformedCommandsGetANoAndTheConnectionLivesOn() throws Exception {
        TestMailbox lena = TestMailbox.create();
        try (SieveDialogue dialogue = signedIn(lena, "PLAIN", plain(lena.address(), lena.appPassword("Poste")))) {
            for (String line : List.of("FROBNICATE", "\"PUTSCRIPT\"", "PUTSCRIPT", "PUTSCRIPT \"x\"",
                    "GETSCRIPT \"a\" \"b\"", "HAVESPACE \"x\" beaucoup", "HAVESPACE \"x\" 99999999999999999999999",
                    "GETSCRIPT \"sans fin", "GETSCRIPT \"a\\b\"", "GETSCRIPT {abc}", "GETSCRIPT \"\"",
                    "GETSCRIPT \"\u0001\"", "PUTSCRIPT \"regles\" \"if true {\"", "CAPABILITY \"de trop\"",
                    "SETACTIVE \"inconnu\"", "DELETESCRIPT \"inconnu\"", "AUTHENTICATE \"PLAIN\" \"x\" \"y\"",
                    "NOOP \"a\" \"b\"", "STARTTLS")) {
                String reply = dialogue.send(line);
                assertTrue(reply.startsWith("NO "), line + " → " + reply);
            }
            assertTrue(dialogue.sendBytes(concat("PUTSCRIPT \"regles\" {4+}\r\n", new byte[]{(byte) 0xC3, 0x28, 'a', 'b'},
                    "\r\n")).startsWith("NO "), "a script that is not UTF-8");
            assertTrue(dialogue.send("PUTSCRIPT \"regles\" \"keep;\u0000\"").startsWith("NO "), "a NUL character");
            assertEquals("OK (TAG \"t1\") \"Fait.\"\r\n", dialogue.send("NOOP \"t1\""));
            assertEquals("OK\r\n", dialogue.send("LISTSCRIPTS"), "nothing was saved");
        }
        try (SieveDialogue huge = signedIn(lena, "PLAIN", plain(lena.address(), lena.appPassword("Poste 2")))) {
            String bye = huge.send("PUTSCRIPT \"regles\" {10000000+}");
            assertTrue(bye.startsWith("BYE (QUOTA/MAXSIZE)"), bye);
            assertTrue(huge.closed());
        }
        try (SieveDialogue longLine = new SieveDialogue(sieve.port())) {
            String bye;
            try {
                bye = longLine.send("NOOP \"" + "x".repeat(200_000) + "\"");
            } catch (SocketException e) { // closed with our unread bytes in its buffer, the server's TCP resets
                bye = "BYE (the connection reset: " + e.getMessage() + ")";
            }
            assertTrue(bye.startsWith("BYE "), "the connection is ended: " + bye);
        }
        try (SieveDialogue after = new SieveDialogue(sieve.port())) {
            assertTrue(after.send("NOOP").startsWith("OK"), "the server still answers");
        }
    }

    private SieveDialogue encrypted() throws Exception {
        SieveDialogue dialogue = new SieveDialogue(sieve.port());
        String capabilities = dialogue.startTls();
        assertTrue(capabilities.contains("\"SASL\" \"PLAIN OAUTHBEARER XOAUTH2\"") && !capabilities.contains("STARTTLS"),
                capabilities);
        return dialogue;
    }

    private SieveDialogue signedIn(TestMailbox person, String mechanism, String response) throws Exception {
        SieveDialogue dialogue = encrypted();
        assertEquals("OK\r\n", dialogue.send("AUTHENTICATE \"" + mechanism + "\" \"" + response + "\""), person.address());
        return dialogue;
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\u0000" + user + "\u0000" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String user, String token) {
        return Base64.getEncoder().encodeToString(("n,a=" + user + ",\u0001auth=Bearer " + token + "\u0001\u0001")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(String head, byte[] body, String tail) {
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + body.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        System.arraycopy(end, 0, all, start.length + body.length, end.length);
        return all;
    }

    private static JsonPath rules(TestMailbox person) {
        return given().auth().oauth2(person.token()).get("/rules").then().statusCode(200).extract().jsonPath();
    }

    private String sieveConnect(TestMailbox person, String password, Path work, String... action) throws Exception {
        Finished run = sieveConnectRun(person, password, work, action);
        assertEquals(0, run.exit(), run.output());
        return run.output();
    }

    private String sieveConnectFails(TestMailbox person, String password, Path work, String... action) throws Exception {
        Finished run = sieveConnectRun(person, password, work, action);
        assertNotEquals(0, run.exit(), run.output());
        return run.output();
    }

    private record Finished(int exit, String output) {
    }

    private Finished sieveConnectRun(TestMailbox person, String password, Path work, String... action) throws Exception {
        Path output = work.resolve("sortie.txt");
        Process process = sieveConnectProcess(person, password, work, output, action);
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String said = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(ended, "sieve-connect did not end: " + said);
        return new Finished(process.exitValue(), said);
    }

    /** sieve-connect as the mail-service README gives it: STARTTLS, the server's certificate checked, the password on fd 0. */
    private Process sieveConnectProcess(TestMailbox person, String password, Path work, Path output, String... action)
            throws IOException {
        Path certificate = Files.writeString(work.resolve("serveur.pem"), TestStack.get().stack().mailClientsCertificate());
        List<String> command = new ArrayList<>(List.of(MailClients.require("sieve-connect", "sieve-connect").toString(),
                "-4", "--server", "127.0.0.1", "--port", String.valueOf(sieve.port()), "--user", person.address(),
                "--authmech", "PLAIN", "--tlscafile", certificate.toString(), "--passwordfd", "0"));
        command.addAll(List.of(action));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return process;
    }
}

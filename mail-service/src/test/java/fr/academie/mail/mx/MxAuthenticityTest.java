package fr.academie.mail.mx;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.DnsStub;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.james.jdkim.DKIMSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPF, DKIM and DMARC of mail from the internet, each case with the records its domain publishes in the test DNS
 * stub (each test under domains of its own): the results written above the message (Authentication-Results:), and
 * DMARC's policy applied — reject refused, quarantine to Indésirables — as is the académie's own domain forged.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class MxAuthenticityTest {

    private static final DnsStub DNS = TestStack.get().stack().dns();
    /** Where this machine's messages come from: SPF lists it (pass) or another address (fail). */
    private static final String HERE = "ip4:127.0.0.1";
    private static final String ELSEWHERE = "ip4:192.0.2.1";

    @ConfigProperty(name = "mail.mx.port")
    int port;

    @Test
    void aMessageSignedAndSentByItsDomainsServerPassesSpfDkimAndDmarc() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String domain = domain("lycee-partenaire");
        DNS.txt(domain, "v=spf1 " + HERE + " -all");
        DNS.txt("_dmarc." + domain, "v=DMARC1; p=reject; adkim=s; aspf=s");
        Key key = Key.publishedAt("s2026", domain);

        String subject = "Échange scolaire " + UUID.randomUUID();
        JsonPath answer = send("secretariat@" + domain, lena, key.sign(message("secretariat@" + domain, lena, subject)));

        assertEquals("250", answer.getString("outcome"), answer.prettify());
        String results = results(lena, "INBOX", subject);
        assertTrue(results.contains("spf=pass smtp.mailfrom=" + domain), results);
        assertTrue(results.contains("dkim=pass header.d=" + domain + " header.s=s2026"), results);
        assertTrue(results.contains("dmarc=pass header.from=" + domain), results);
        // and kept with the message for the reading pane
        io.restassured.path.json.JsonPath view = given().auth().oauth2(lena.token())
                .get("/messages/{id}", lena.awaitMessage("INBOX", subject).getString("id")).then().extract().jsonPath();
        assertEquals("pass", view.getString("authentication.spf"));
        assertEquals(domain, view.getString("authentication.dkim[0].domain"));
        assertEquals("pass", view.getString("authentication.dmarc"));
    }

    @Test
    void spfPassFailSoftfailAndNoneAreWrittenAboveTheMessage() throws Exception {
        TestMailbox lena = TestMailbox.create();
        for (String[] spf : List.of(new String[]{"pass", "v=spf1 " + HERE + " -all"},
                new String[]{"fail", "v=spf1 " + ELSEWHERE + " -all"}, new String[]{"softfail", "v=spf1 " + ELSEWHERE + " ~all"},
                new String[]{"none", null})) {
            String domain = domain("fournisseur");
            if (spf[1] != null) {
                DNS.txt(domain, spf[1]);
            }
            String subject = "Devis " + spf[0] + " " + UUID.randomUUID();
            JsonPath answer = send("devis@" + domain, lena, message("devis@" + domain, lena, subject));
            assertEquals("250", answer.getString("outcome"), answer.prettify()); // no DMARC record: SPF alone decides nothing
            String results = results(lena, "any", subject);
            assertTrue(results.contains("spf=" + spf[0] + " smtp.mailfrom=" + domain), spf[0] + ": " + results);
            assertTrue(results.contains("dkim=none") && results.contains("dmarc=none"), results);
        }
    }

    @Test
    void aSignatureBrokenInItsBodyOrItsHeaderFailsAndOneWithoutItsKeyIsAPermanentError() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String domain = domain("mairie");
        Key key = Key.publishedAt("mail", domain);

        String body = "Corps " + UUID.randomUUID();
        String signed = key.sign(message("contact@" + domain, lena, body));
        send("contact@" + domain, lena, signed.replace("Veuillez trouver", "Veuillez NE PAS trouver"));
        String results = results(lena, "any", body);
        assertTrue(results.contains("dkim=fail header.d=" + domain), results);

        String header = "Entete " + UUID.randomUUID();
        signed = key.sign(message("contact@" + domain, lena, header));
        send("contact@" + domain, lena, signed.replace("Subject: " + header, "Subject: " + header + " urgent"));
        results = results(lena, "any", header + " urgent");
        assertTrue(results.contains("dkim=fail header.d=" + domain), results);

        String keyless = "Sans cle " + UUID.randomUUID();
        // signed under the mairie's name with a selector it never published
        signed = Key.publishedAt("absent", domain("ailleurs")).signAs(domain, message("contact@" + domain, lena, keyless));
        send("contact@" + domain, lena, signed);
        results = results(lena, "any", keyless);
        assertTrue(results.contains("dkim=permerror header.d=" + domain), results);
    }

    @Test
    void dmarcRejectIsRefusedQuarantineGoesToIndesirablesAndNoneIsDelivered() throws Exception {
        TestMailbox lena = TestMailbox.create();
        // a mailing service whose SPF passes for its own domain does not align with the From: domain
        String mailer = domain("routeur-envoi");
        DNS.txt(mailer, "v=spf1 " + HERE + " -all");

        String rejecting = domain("banque");
        DNS.txt("_dmarc." + rejecting, "v=DMARC1; p=reject");
        JsonPath refused = send("rebond@" + mailer, lena, message("securite@" + rejecting, lena, "Compte bloque"));
        assertTrue(refused.getString("outcome").startsWith("550 5.7.1 Expediteur non authentifie"), refused.prettify());

        String quarantining = domain("assurance");
        DNS.txt("_dmarc." + quarantining, "v=DMARC1; p=quarantine");
        String subject = "Votre contrat " + UUID.randomUUID();
        assertEquals("250", send("rebond@" + mailer, lena, message("contrat@" + quarantining, lena, subject))
                .getString("outcome"));
        assertTrue(results(lena, "JUNK", subject).contains("dmarc=fail header.from=" + quarantining));

        String monitoring = domain("musee");
        DNS.txt("_dmarc." + monitoring, "v=DMARC1; p=none");
        subject = "Visite " + UUID.randomUUID();
        send("rebond@" + mailer, lena, message("visites@" + monitoring, lena, subject));
        assertTrue(results(lena, "any", subject).contains("dmarc=fail header.from=" + monitoring));

        // aligned by SPF (relaxed: a subdomain of the same organization), p=reject is no threat
        String aligned = domain("college");
        DNS.txt("bounces." + aligned, "v=spf1 " + HERE + " -all");
        DNS.txt("_dmarc." + aligned, "v=DMARC1; p=reject");
        subject = "Conseil pedagogique " + UUID.randomUUID();
        send("x@bounces." + aligned, lena, message("principal@" + aligned, lena, subject));
        assertTrue(results(lena, "INBOX", subject).contains("dmarc=pass header.from=" + aligned));
    }

    @Test
    void mailClaimingTheAcademiesOwnDomainFromOutsideIsRefused() throws Exception {
        TestMailbox lena = TestMailbox.create();
        // in the test stack the académie's servers are this machine (its SPF lists 127.0.0.1): for this test they are
        // elsewhere, so that this machine is the outside
        List<String> published = List.of("v=spf1 " + HERE + " -all");
        DNS.txt("ac-orleans-tours.fr", "v=spf1 " + ELSEWHERE + " -all");
        try {
            JsonPath answer = send("rectorat@ac-orleans-tours.fr", lena,
                    message("Rectorat <rectorat@ac-orleans-tours.fr>", lena, "Mot de passe expire"));
            assertTrue(answer.getString("outcome").startsWith("550 5.7.1 "), answer.prettify());

            // the same forgery with no DMARC record to back it: refused all the same
            DNS.remove("_dmarc.ac-orleans-tours.fr");
            answer = send("info@exemple-parent.fr", lena,
                    message("Service informatique <support@ac-orleans-tours.fr>", lena, "Votre boite est pleine"));
            assertTrue(answer.getString("outcome").startsWith("550 5.7.1 "), answer.prettify());
        } finally {
            DNS.txt("ac-orleans-tours.fr", published.get(0));
            DNS.txt("_dmarc.ac-orleans-tours.fr", "v=DMARC1; p=reject");
        }
    }

    private JsonPath send(String mailFrom, TestMailbox to, String message) throws Exception {
        return Smtplib.send(port, mailFrom, List.of(to.address()), message, "send");
    }

    private static String message(String from, TestMailbox to, String subject) {
        return "From: " + from + "\r\nTo: " + to.address() + "\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + UUID.randomUUID() + "@exemple.fr>\r\n\r\nBonjour,\r\nVeuillez trouver notre proposition.\r\n";
    }

    /**
     * The Authentication-Results: header field of the message with that subject, once it is in the folder (or, for
     * "any", in the inbox or Indésirables: where the warnings put it is MxWarningsTest's subject).
     */
    private static String results(TestMailbox mailbox, String folder, String subject) {
        String id = await().atMost(Duration.ofSeconds(20)).until(() -> (folder.equals("any") ? List.of("INBOX", "JUNK")
                        : List.of(folder)).stream().map(role -> given().auth().oauth2(mailbox.token())
                        .get("/folders/{id}/messages", mailbox.folder(role)).then().extract().jsonPath()
                        .getString("items.find { it.subject == '" + subject + "' }.id"))
                .filter(Objects::nonNull).findFirst().orElse(null), notNullValue());
        String source = mailbox.source(id);
        return source.substring(0, source.indexOf("\r\nReceived: "));
    }

    private static String domain(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".fr";
    }

    /** A DKIM key pair whose public half the test DNS publishes at selector._domainkey.domain. */
    private record Key(KeyPair pair, String selector, String domain) {

        static Key publishedAt(String selector, String domain) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            DNS.txt(selector + "._domainkey." + domain,
                    "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            return new Key(pair, selector, domain);
        }

        String sign(String message) throws Exception {
            return signAs(domain, message);
        }

        /** Signed with this key under another domain's name (d=), whose DNS has no such key. */
        String signAs(String signingDomain, String message) throws Exception {
            DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + signingDomain + "; s="
                    + selector + "; h=from:to:subject:message-id; bh=; b=;", pair.getPrivate());
            String field = signer.sign(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
            return field + "\r\n" + message;
        }
    }
}

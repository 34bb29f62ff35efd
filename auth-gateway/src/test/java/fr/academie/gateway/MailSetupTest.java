package fr.academie.gateway;

import fr.academie.stack.testing.SignedIn;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.Service;
import fr.academie.stack.testing.MailClients;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Set-up without typing server names: Thunderbird's autoconfig document leads a real IMAP client (Python's imaplib)
 * to Léna's mailbox with an application password; Outlook's autodiscover answers for académie addresses only; the
 * Apple profile is the signed-in person's, with no password in it.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class MailSetupTest {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void thunderbirdsAutoconfigLeadsAnImapClientToLenasMailbox() throws Exception {
        TestStack.Account lena = TestStack.get().newAccount("personnel");
        String password = given().baseUri(TestStack.get().service(Service.MAIL))
                .auth().oauth2(TestStack.get().accessToken(lena.username())).contentType("application/json")
                .body(Map.of("name", "Thunderbird")).post("/app-passwords").then().statusCode(201).extract().path("password");
        for (String path : List.of("/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml")) {
            given().get(path).then().statusCode(200).contentType("application/xml");
        }
        Document config = xml(given().get("/.well-known/autoconfig/mail/config-v1.1.xml").then().extract().asByteArray());
        Element imap = (Element) config.getElementsByTagName("incomingServer").item(0);
        assertEquals("imap", imap.getAttribute("type"));
        assertEquals("SSL", text(imap, "socketType"), "implicit TLS first");
        assertEquals("%EMAILADDRESS%", text(imap, "username"));
        Element smtp = (Element) config.getElementsByTagName("outgoingServer").item(0);
        assertEquals(String.valueOf(TestStack.get().stack().submissionTlsPort()), text(smtp, "port"));

        assertEquals("OK", imapSession(imap, lena.email(), "password", password), "signed in where the document said");

        // or OAuth 2: the document names the realm's endpoints, and a token of its client for mail programs opens IMAP
        assertEquals(List.of("password-cleartext", "OAuth2"), texts(imap, "authentication"));
        Element oauth = (Element) config.getElementsByTagName("oAuth2").item(0);
        String realm = TestStack.get().realmUrl();
        assertEquals(realm + "/protocol/openid-connect/auth", text(oauth, "authURL"));
        assertEquals(realm + "/protocol/openid-connect/token", text(oauth, "tokenURL"));
        assertEquals(URI.create(realm).getHost(), text(oauth, "issuer"));
        assertEquals("OK", imapSession(imap, lena.email(), "oauth", TestStack.get().accessToken("messagerie",
                lena.username())), "signed in with a token of the client \"messagerie\"");
    }

    /** Python's imaplib at the document's server: SELECT INBOX's status after LOGIN or AUTHENTICATE XOAUTH2. */
    private static String imapSession(Element imap, String address, String way, String secret) throws Exception {
        String script = """
                import imaplib, ssl, sys
                context = ssl.create_default_context(); context.check_hostname = False; context.verify_mode = ssl.CERT_NONE
                imap = imaplib.IMAP4_SSL(sys.argv[1], int(sys.argv[2]), ssl_context=context, timeout=30)
                if sys.argv[4] == "oauth":
                    imap.authenticate("XOAUTH2", lambda c: ("user=%s\\x01auth=Bearer %s\\x01\\x01" % (sys.argv[3], sys.argv[5])).encode())
                else:
                    imap.login(sys.argv[3], sys.argv[5])
                print(imap.select("INBOX")[0])
                imap.logout()
                """;
        Process client = new ProcessBuilder(MailClients.require("python3", "python3").toString(), "-c", script,
                text(imap, "hostname"), text(imap, "port"), text(imap, "username").replace("%EMAILADDRESS%", address),
                way, secret).redirectErrorStream(true).start();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(60, TimeUnit.SECONDS), output);
        return output.strip();
    }

    @Test
    void outlooksAutodiscoverAnswersForAcademieAddressesOnly() throws Exception {
        String request = """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
                  <Request><EMailAddress>%s</EMailAddress>
                  <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
                  </Request>
                </Autodiscover>""";
        Document answer = xml(given().contentType("text/xml").body(request.formatted("Lena.Martin@ac-orleans-tours.fr"))
                .post("/autodiscover/autodiscover.xml").then().statusCode(200).extract().asByteArray());
        Element imap = (Element) answer.getElementsByTagName("Protocol").item(0);
        assertEquals("IMAP", text(imap, "Type"));
        assertEquals("lena.martin@ac-orleans-tours.fr", text(imap, "LoginName"));
        assertEquals(String.valueOf(TestStack.get().stack().imapTlsPort()), text(imap, "Port"));
        assertEquals("on", text(imap, "SSL"));

        for (String other : List.of(request.formatted("someone@example.org"), "<EMailAddress>x&lt;y@ac-orleans-tours.fr",
                "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><EMailAddress>&e;</EMailAddress>", "")) {
            given().contentType("text/xml").body(other).post("/autodiscover/autodiscover.xml").then().statusCode(404);
        }
    }

    @Test
    void theAppleProfileIsTheSignedInPersonsAndHoldsNoPassword() throws Exception {
        RestAssured.given().get("/api/messagerie/profil.mobileconfig").then().statusCode(401);
        Browser lena = SignedIn.as(gateway, "lmartin");
        HttpResponse<String> profile = lena.get(gateway.resolve("/api/messagerie/profil.mobileconfig"));
        assertEquals(200, profile.statusCode(), profile.body());
        assertEquals("application/x-apple-aspen-config", profile.headers().firstValue("Content-Type").orElse(""));
        Document plist = xml(profile.body().getBytes(StandardCharsets.UTF_8));
        String text = plist.getDocumentElement().getTextContent();
        assertTrue(text.contains("lena.martin@ac-orleans-tours.fr") && text.contains("EmailTypeIMAP"), text);
        assertFalse(profile.body().contains("<key>IncomingPassword</key>"), "her application password is asked at install");
    }

    private static Document xml(byte[] document) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(document));
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent().strip();
    }

    private static List<String> texts(Element parent, String name) {
        return IntStream.range(0, parent.getElementsByTagName(name).getLength())
                .mapToObj(i -> parent.getElementsByTagName(name).item(i).getTextContent().strip()).toList();
    }
}

package fr.academie.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.gateway.guard.RequestGuard;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/assistance/demandes}, "Contacter l'assistance" under the diagnostic: no session needed; the help
 * desk's mailbox receives the request with the diagnostic and a Reply-To; a request that cannot be sent as it is gets
 * a French problem naming the field; the abuse limits hold.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class SupportRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUPPORT = "assistance@ac-orleans-tours.fr";

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aRequestWithoutSessionReachesTheHelpDeskWithItsDiagnostic() throws IOException {
        String client = anAddress();
        String reference = String.format("DIAG-%08X", ThreadLocalRandom.current().nextInt());
        HttpResponse<String> sent = post(client, request("lmartin", "lena.perso@exemple.fr",
                "Le code de mon téléphone est refusé.", reference));
        assertEquals(202, sent.statusCode(), sent.body());
        assertEquals(reference, JSON.readTree(sent.body()).get("reference").asText());
        // the help desk's mailbox gets the other tests' requests too (each mailed after its answer): found by reference
        String mail = TestStack.get().stack().smtp().awaitMessage(SUPPORT, reference).text();
        assertTrue(mail.contains("Reply-To: lena.perso@exemple.fr"), mail);
        assertTrue(mail.contains("lmartin") && mail.contains("Cookies : accept") && mail.contains("Adresse IP : " + client), mail);
    }

    @Test
    void whatCannotBeSentIsRefusedNamingTheField() throws IOException {
        String client = anAddress();
        assertRefused(post(client, request("lmartin", "", "Bonjour", "DIAG-0A1B2C3D")), "adresse",
                "Indiquez une adresse électronique où l'assistance pourra vous répondre.");
        assertRefused(post(client, request("lmartin", "pas-une-adresse", "Bonjour", "DIAG-0A1B2C3D")), "adresse",
                "Cette adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).");
        assertRefused(post(client, request("lmartin", "a@exemple.fr", " ", "DIAG-0A1B2C3D")), "message",
                "Décrivez ce qui se passe : ce que vous faisiez, ce que la page affiche.");
        assertRefused(post(client, request("lmartin", "a@exemple.fr", "x".repeat(4001), "DIAG-0A1B2C3D")), "message", null);
        assertRefused(post(client, request("l\nmartin", "a@exemple.fr", "Bonjour", "DIAG-0A1B2C3D")), "identifiant", null);
        assertRefused(post(client, request("lmartin", "a@exemple.fr", "Bonjour", "<script>")), "diagnostic.reference", null);
        HttpResponse<String> withoutHeader = new Browser().send("POST", gateway.resolve("/api/assistance/demandes"),
                Map.of("Content-Type", "application/json", "X-Forwarded-For", client),
                request("lmartin", "a@exemple.fr", "Bonjour", "DIAG-0A1B2C3D"));
        assertEquals(403, withoutHeader.statusCode(), "another site's page cannot send it: " + withoutHeader.body());
    }

    @Test
    void threeRequestsAnHourPerReplyAddressAndTenPerClientAddress() throws IOException {
        String client = anAddress();
        String reply = "abus-" + System.nanoTime() + "@exemple.fr";
        for (int i = 0; i < 3; i++) {
            assertEquals(202, post(client, request("", reply, "Demande " + i, "DIAG-0000000" + i)).statusCode());
        }
        HttpResponse<String> fourth = post(client, request("", reply, "Demande 3", "DIAG-00000003"));
        assertEquals(429, fourth.statusCode(), fourth.body());
        assertTrue(fourth.body().contains("Plusieurs demandes sont déjà parties d'ici"), fourth.body());
        for (int i = 0; i < 6; i++) { // the refused fourth counted for the client address too: ten in all
            assertEquals(202, post(client, request("", i + reply, "Autre " + i, "DIAG-1000000" + i)).statusCode());
        }
        assertEquals(429, post(client, request("", "autre-" + reply, "La onzième", "DIAG-20000000")).statusCode(),
                "a school's address has sent ten in the hour");
    }

    private HttpResponse<String> post(String client, String body) {
        return new Browser().send("POST", gateway.resolve("/api/assistance/demandes"), Map.of("Content-Type",
                "application/json", RequestGuard.CSRF_HEADER, "1", "X-Forwarded-For", client), body);
    }

    private static String request(String identifier, String address, String message, String reference) {
        return JSON.createObjectNode().put("identifiant", identifier).put("adresse", address).put("message", message)
                .set("diagnostic", JSON.createObjectNode().put("reference", reference).put("navigateur", "Chrome/146")
                        .set("lignes", JSON.createArrayNode().add("✔ JavaScript : activé.").add("✔ Cookies : acceptés.")))
                .toString();
    }

    private static void assertRefused(HttpResponse<String> answer, String field, String detail) throws IOException {
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals(field, problem.path("field").asText(), answer.body());
        if (detail != null) {
            assertEquals(detail, problem.get("detail").asText());
        }
    }

    /** A client address of this test's own: the limits count per address. */
    private static String anAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(1, 250) + "." + random.nextInt(1, 250) + "." + random.nextInt(1, 250);
    }
}

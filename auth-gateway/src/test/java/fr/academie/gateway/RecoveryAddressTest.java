package fr.academie.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.academie.gateway.guard.RequestGuard;
import fr.academie.stack.Keycloak;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.SignedIn;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /api/compte/secours}: a personal recovery address becomes the account's only once its owner types the code
 * the portal sent there (through the outbound relay, here the stack's sink); her mailbox is told of each change; the
 * account page asks her to check it once a year. Refusals name the field, in French.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class RecoveryAddressTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> JSON_FROM_THE_SPA = Map.of(RequestGuard.CSRF_HEADER, "1",
            "Content-Type", "application/json");

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void anAddressIsTheAccountsOnceTheCodeSentThereIsTypedBack() throws Exception {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        Browser person = SignedIn.as(gateway, account.username());
        JsonNode none = state(person);
        assertTrue(none.get("adresse").isNull() && none.get("aVerifier").asBoolean(), "none yet, so to do: " + none);

        String address = "perso-" + System.nanoTime() + "@exemple.fr";
        HttpResponse<String> sent = post(person, "/api/compte/secours", "{\"adresse\":\" " + address + " \"}");
        assertEquals(202, sent.statusCode(), sent.body());
        assertEquals(address, JSON.readTree(sent.body()).get("enAttente").asText());
        assertTrue(JSON.readTree(sent.body()).get("adresse").isNull(), "not the account's before the code");
        String code = TestStack.get().stack().smtp().awaitMessage(address, 1).code();

        HttpResponse<String> wrong = post(person, "/api/compte/secours/confirmation",
                "{\"code\":\"" + (code.equals("000000") ? "111111" : "000000") + "\"}");
        assertProblem(wrong, 400, "code", "Ce code ne correspond pas. Vérifiez-le (encore 4 essais).");
        HttpResponse<String> right = post(person, "/api/compte/secours/confirmation", "{\"code\":\"" + code + "\"}");
        assertEquals(200, right.statusCode(), right.body());
        JsonNode confirmed = JSON.readTree(right.body());
        assertEquals(address, confirmed.get("adresse").asText());
        assertFalse(confirmed.get("aVerifier").asBoolean());
        assertTrue(confirmed.get("enAttente").isNull());
        assertTrue(Duration.between(Instant.parse(confirmed.get("verifieeLe").asText()), Instant.now()).abs()
                .compareTo(Duration.ofMinutes(1)) < 0, confirmed.toString());
        assertEquals(address, attribute(account, "adresseSecours"), "what Keycloak's lost-password step reads");
        assertTrue(letterSubjects(person).contains("Une adresse de secours a été enregistrée sur votre compte académique"));

        HttpResponse<String> again = post(person, "/api/compte/secours/confirmation", "{\"code\":\"" + code + "\"}");
        assertProblem(again, 409, "code", "Aucun code n'attend d'être saisi : demandez-en un.");
    }

    @Test
    void anAddressOfTheAcademieOrNotAnAddressIsRefusedNamingTheField() throws IOException {
        Browser person = SignedIn.as(gateway, TestStack.get().newAccount("personnel").username());
        assertProblem(post(person, "/api/compte/secours", "{\"adresse\":\"lena.martin@ac-orleans-tours.fr\"}"), 400,
                "adresse", "Choisissez une adresse personnelle, hors de l'académie : celle que vous pourrez lire même "
                        + "sans accès à votre compte académique.");
        assertProblem(post(person, "/api/compte/secours", "{\"adresse\":\"x@lyc-zay.ac-orleans-tours.fr\"}"), 400,
                "adresse", null);
        assertProblem(post(person, "/api/compte/secours", "{\"adresse\":\"lena.martin@\"}"), 400, "adresse",
                "Cette adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).");
        assertProblem(post(person, "/api/compte/secours", "{\"adresse\":\"" + "a".repeat(250) + "@exemple.fr\"}"), 400,
                "adresse", null);
        assertProblem(post(person, "/api/compte/secours", "{\"adresse\":\"\"}"), 400, "adresse", null);
        assertProblem(post(person, "/api/compte/secours/confirmation", "{\"code\":\"12ab\"}"), 400, "code",
                "Le code compte 6 chiffres.");
        assertTrue(state(person).get("enAttente").isNull(), "nothing waits after refusals");
    }

    @Test
    void fiveWrongCodesSpendItAndFiveCodesAnHourAreTheMost() throws Exception {
        Browser person = SignedIn.as(gateway, TestStack.get().newAccount("personnel").username());
        String address = "perso-" + System.nanoTime() + "@exemple.fr";
        assertEquals(202, post(person, "/api/compte/secours", "{\"adresse\":\"" + address + "\"}").statusCode());
        String code = TestStack.get().stack().smtp().awaitMessage(address, 1).code();
        String wrong = code.equals("999999") ? "888888" : "999999";
        for (int i = 0; i < 4; i++) {
            post(person, "/api/compte/secours/confirmation", "{\"code\":\"" + wrong + "\"}");
        }
        assertProblem(post(person, "/api/compte/secours/confirmation", "{\"code\":\"" + wrong + "\"}"), 400, "code",
                "Ce code ne correspond pas, et c'était le dernier essai : demandez-en un nouveau.");
        assertProblem(post(person, "/api/compte/secours/confirmation", "{\"code\":\"" + code + "\"}"), 400, "code",
                "Ce code a expiré ou a été saisi trop de fois : demandez-en un nouveau.");
        assertTrue(state(person).get("adresse").isNull());

        for (int i = 0; i < 4; i++) {
            assertEquals(202, post(person, "/api/compte/secours", "{\"adresse\":\"" + address + "\"}").statusCode());
        }
        HttpResponse<String> sixth = post(person, "/api/compte/secours", "{\"adresse\":\"" + address + "\"}");
        assertEquals(429, sixth.statusCode(), sixth.body());
        assertTrue(sixth.body().contains("Vous avez demandé beaucoup de codes"), sixth.body());
    }

    @Test
    void anAddressCheckedMoreThanAYearAgoIsToBeCheckedAgainAndCanBeRemoved() throws Exception {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        String address = "perso-" + System.nanoTime() + "@exemple.fr";
        Instant checked = Instant.now().minus(Duration.ofDays(400));
        setAttributes(account, address, checked.toString());
        Browser person = SignedIn.as(gateway, account.username());
        JsonNode old = state(person);
        assertEquals(address, old.get("adresse").asText());
        assertTrue(old.get("aVerifier").asBoolean(), old.toString());

        HttpResponse<String> removed = person.send("DELETE", gateway.resolve("/api/compte/secours"),
                Map.of(RequestGuard.CSRF_HEADER, "1"), null);
        assertEquals(204, removed.statusCode(), removed.body());
        assertTrue(state(person).get("adresse").isNull());
        assertEquals(null, attribute(account, "adresseSecours"));
        assertTrue(letterSubjects(person).contains("L'adresse de secours de votre compte académique a été supprimée"));
        assertTrue(TestStack.get().stack().smtp().awaitMessage(address, 1).text().contains("To: " + address),
                "the former address is told as well (the only mail it gets here)");
    }

    @Test
    void onlyTheSignedInPersonReachesHerOwnAddress() throws Exception {
        TestStack.Account owner = TestStack.get().newAccount("personnel");
        setAttributes(owner, "perso-" + System.nanoTime() + "@exemple.fr", Instant.now().toString());
        Browser anonymous = new Browser();
        assertEquals(401, anonymous.get(gateway.resolve("/api/compte/secours")).statusCode());
        assertEquals(401, anonymous.send("POST", gateway.resolve("/api/compte/secours"), JSON_FROM_THE_SPA,
                "{\"adresse\":\"x@exemple.fr\"}").statusCode());
        Browser other = SignedIn.as(gateway, TestStack.get().newAccount("personnel").username());
        assertTrue(state(other).get("adresse").isNull(), "another person sees her own, empty, never the owner's");
        HttpResponse<String> withoutHeader = other.send("POST", gateway.resolve("/api/compte/secours"),
                Map.of("Content-Type", "application/json"), "{\"adresse\":\"x@exemple.fr\"}");
        assertEquals(403, withoutHeader.statusCode(), "a cross-site form cannot send it: " + withoutHeader.body());
    }

    private JsonNode state(Browser person) throws IOException {
        HttpResponse<String> answer = person.get(gateway.resolve("/api/compte/secours"));
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> post(Browser person, String path, String body) {
        return person.send("POST", gateway.resolve(path), JSON_FROM_THE_SPA, body);
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String field, String detail)
            throws IOException {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals(field, problem.path("field").asText(), answer.body());
        if (detail != null) {
            assertEquals(detail, problem.get("detail").asText());
        }
    }

    private static String attribute(TestStack.Account account, String name) {
        JsonNode values = TestStack.get().stack().admin().read("/admin/realms/" + Keycloak.REALM + "/users/"
                + account.id()).path("attributes").path(name);
        return values.isMissingNode() || values.isEmpty() ? null : values.get(0).asText();
    }

    private static void setAttributes(TestStack.Account account, String address, String verified) {
        String path = "/admin/realms/" + Keycloak.REALM + "/users/" + account.id();
        ObjectNode user = (ObjectNode) TestStack.get().stack().admin().read(path);
        ObjectNode attributes = user.has("attributes") ? (ObjectNode) user.get("attributes") : user.putObject("attributes");
        attributes.putArray("adresseSecours").add(address);
        attributes.putArray("adresseSecoursVerifiee").add(verified);
        TestStack.get().stack().admin().update(path, user);
    }

    private List<String> letterSubjects(Browser reader) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (int round = 0; round < 50 && subjects.isEmpty(); round++) {
            JsonNode folders = JSON.readTree(reader.get(gateway.resolve("/api/mail/folders")).body());
            String inbox = folders.get("items").get(0).get("id").asText();
            JSON.readTree(reader.get(gateway.resolve("/api/mail/folders/" + inbox + "/messages?limit=200")).body())
                    .get("items").forEach(message -> subjects.add(message.get("subject").asText()));
            subjects.removeIf(subject -> !subject.contains("adresse de secours"));
            Thread.sleep(subjects.isEmpty() ? 200 : 0);
        }
        return subjects;
    }
}

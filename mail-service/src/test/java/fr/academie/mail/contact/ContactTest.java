package fr.academie.mail.contact;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** Recipient suggestions from the académie directory (Keycloak) and from past correspondents. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class ContactTest {

    @Test
    void colleaguesAreFoundByNameOrIdentifier() {
        TestMailbox someone = TestMailbox.create();
        given().auth().oauth2(someone.token()).get("/contacts?q=Martin").then().statusCode(200)
                .body("items.address", hasItem("lena.martin@ac-orleans-tours.fr"))
                .body("items.find { it.address == 'lena.martin@ac-orleans-tours.fr' }.name", is("Léna Martin"))
                .body("items.find { it.address == 'lena.martin@ac-orleans-tours.fr' }.source", is("ANNUAIRE"));
        given().auth().oauth2(someone.token()).get("/contacts?q=sbenali").then().statusCode(200)
                .body("items.address", hasItem("samir.benali@ac-orleans-tours.fr"));
    }

    @Test
    void peopleIWroteToComeFirst() {
        TestMailbox lena = TestMailbox.create();
        String outside = "famille." + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        String subject = "Sortie " + UUID.randomUUID();
        lena.send(lena.draft(Map.of("to", List.of(Map.of("name", "Famille Dupont", "address", outside)),
                "subject", subject, "bodyHtml", "<p>x</p>")), null);
        lena.awaitMessage("SENT", subject);
        given().auth().oauth2(lena.token()).get("/contacts?q=dupont").then().statusCode(200)
                .body("items[0].address", is(outside)).body("items[0].source", is("CORRESPONDANT"));
    }

    @Test
    void aQueryTooShortIsRefusedAndAnonymousCallersToo() {
        TestMailbox someone = TestMailbox.create();
        given().auth().oauth2(someone.token()).get("/contacts?q=a").then().statusCode(400)
                .contentType("application/problem+json").body("field", is("q"));
        given().get("/contacts?q=martin").then().statusCode(401);
    }
}

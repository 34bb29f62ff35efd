package fr.academie.mail.demo;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Léna's demo mailbox arrives through the pipeline, once, whatever the number of starts; readiness waits for it. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class DemoMailTest {

    @Inject
    DemoMail demoMail;

    @Test
    void lenasMailboxHoldsTheDemoMessagesOnceWithFoldersLabelsAConversationAndAnAttachment() {
        demoMail.load();
        String lena = TestStack.get().accessToken("lmartin");
        JsonPath mailbox = given().auth().oauth2(lena).get("/folders").then().statusCode(200).extract().jsonPath();
        String inbox = mailbox.getString("items.find { it.systemRole == 'INBOX' }.id");
        String sent = mailbox.getString("items.find { it.systemRole == 'SENT' }.id");
        List<String> subjects = given().auth().oauth2(lena).get("/folders/{id}/messages", inbox).then().statusCode(200)
                .extract().jsonPath().getList("items.subject");
        assertTrue(subjects.containsAll(List.of(
                "Campagne de temps partiel 2027-2028 : ouverture le 2 décembre",
                "Re: Conseil pédagogique de jeudi : ordre du jour",
                "Conseil pédagogique de jeudi : ordre du jour",
                "Votre demande d'autorisation d'absence a été enregistrée")), subjects.toString());
        assertEquals(subjects.indexOf("Campagne de temps partiel 2027-2028 : ouverture le 2 décembre") + 1,
                subjects.indexOf("Re: Conseil pédagogique de jeudi : ordre du jour"), "dated by their Date header, newest first");
        given().auth().oauth2(lena).get("/folders/{id}/messages", sent).then().statusCode(200)
                .body("items.subject", org.hamcrest.Matchers.hasItem("Re: Conseil pédagogique de jeudi : ordre du jour"));
        // the conversation: the agenda, Léna's answer (Envoyés) and the answer to it, joined by their references
        String answer = given().auth().oauth2(lena).get("/folders/{id}/messages", inbox).then().extract().jsonPath()
                .getString("items.find { it.subject.startsWith('Re: Conseil') }.threadId");
        given().auth().oauth2(lena).get("/conversations/{id}", answer).then().statusCode(200)
                .body("items.subject", org.hamcrest.Matchers.contains("Conseil pédagogique de jeudi : ordre du jour",
                        "Re: Conseil pédagogique de jeudi : ordre du jour", "Re: Conseil pédagogique de jeudi : ordre du jour"))
                .body("items[1].folderId", org.hamcrest.Matchers.is(sent));
        String campaign = given().auth().oauth2(lena).get("/folders/{id}/messages", inbox).then()
                .extract().jsonPath().getString("items.find { it.subject.startsWith('Campagne') }.id");
        given().auth().oauth2(lena).get("/messages/{id}", campaign).then().statusCode(200)
                .body("attachments[0].fileName", org.hamcrest.Matchers.is("note-de-service-temps-partiel.pdf"))
                .body("unread", org.hamcrest.Matchers.is(true));

        String formations = given().auth().oauth2(lena).get("/folders").then().extract().jsonPath()
                .getString("items.find { it.name == 'Formations' }.id");
        given().auth().oauth2(lena).get("/folders/{id}/messages", formations).then().statusCode(200)
                .body("items.subject", org.hamcrest.Matchers.contains("Journée de formation « Enseigner la géographie des risques »"))
                .body("items[0].labels.name", org.hamcrest.Matchers.contains("Pédagogie"));
        given().auth().oauth2(lena).get("/labels").then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.hasItems("Pédagogie", "RH", "Urgent"))
                .body("items.find { it.name == 'Pédagogie' }.total", org.hamcrest.Matchers.is(4));

        long used = given().auth().oauth2(lena).get("/mailbox").then().extract().jsonPath().getLong("used");
        demoMail.load();
        assertEquals(subjects.size(), given().auth().oauth2(lena).get("/folders/{id}/messages", inbox).then()
                .extract().jsonPath().getList("items").size(), "a second start delivers nothing again");
        assertEquals(used, given().auth().oauth2(lena).get("/mailbox").then().extract().jsonPath().getLong("used"));
    }

    @Test
    void withoutDemoDataTheServiceIsReadyAndItsReadinessSaysSo() {
        // with demo data (the local stack) the same check is down until the background load is done
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'demo-mail' }.status", org.hamcrest.Matchers.is("UP"))
                .body("checks.find { it.name == 'demo-mail' }.data.state", org.hamcrest.Matchers.is("off"));
    }
}

package fr.academie.mail;

import fr.academie.stack.testing.TestStack;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;

/** A new person's mailbox for one test: a real Keycloak account's token, and its system folders by role. */
public record TestMailbox(String token, JsonPath folders) {

    public static TestMailbox create() {
        String token = TestStack.get().accessToken(TestStack.get().newAccount("personnel").username());
        return new TestMailbox(token, given().auth().oauth2(token).get("/folders").then().statusCode(200).extract().jsonPath());
    }

    /** The id of the system folder of that role (INBOX, SENT, DRAFTS, ARCHIVE, JUNK, TRASH). */
    public String folder(String role) {
        return folders.getString("items.find { it.systemRole == '" + role + "' }.id");
    }
}

package fr.academie.mail.personal;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.Zips;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Her part of "Mes données": every folder as its mbox export, byte for byte, and her settings — an application
 * password by its name, never its secret — and nothing of another mailbox.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class PersonalDataTest {

    @Test
    void herFoldersAsTheirMboxExportAndHerSettingsWithoutSecretsAndNothingOfAnotherMailbox() {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        lena.importMessage(lena.folder("INBOX"), message("Conseil de classe"));
        lena.importMessage(lena.folder("TRASH"), message("Ancienne note"));
        samir.importMessage(samir.folder("INBOX"), message("Budget de Samir"));
        String secret = lena.appPassword("Téléphone de Léna");
        byte[] inbox = given().auth().oauth2(lena.token()).get("/folders/{id}/export", lena.folder("INBOX")).then()
                .statusCode(200).extract().asByteArray();

        byte[] archive = given().auth().oauth2(lena.token()).get("/personal-data").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();

        Map<String, byte[]> files = Zips.files(archive);
        assertArrayEquals(inbox, files.get("messagerie/dossiers/Boîte de réception.mbox"));
        assertTrue(new String(files.get("messagerie/dossiers/Corbeille.mbox"), StandardCharsets.UTF_8).contains("Ancienne note"));
        assertEquals(6, files.keySet().stream().filter(name -> name.endsWith(".mbox")).count(), "every folder: " + files.keySet());
        String passwords = new String(files.get("messagerie/mots-de-passe-d-application.json"), StandardCharsets.UTF_8);
        assertTrue(passwords.contains("Téléphone de Léna"), passwords);
        String all = Zips.allText(files);
        assertFalse(all.contains(secret), "an application password is never given back");
        assertFalse(all.contains("Budget de Samir") || all.contains(samir.address()), "nothing of Samir's");
    }

    private static String message(String subject) {
        return "From: collegue@exemple.com\r\nSubject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID()
                + "@exemple.com>\r\n\r\nTexte.\r\n";
    }
}

package fr.academie.iprof.agent;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.Zips;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Her part of "Mes données": her whole career record and who read it; nothing of a colleague's; nothing without one. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "iprof-service"))
class PersonalDataTest {

    @Inject
    Agents agents;

    @Test
    void herRecordWithItsHistoryAppraisalsAndAccessLogAndNothingOfAColleague() {
        TestStack.Account teacher = TestStack.get().newAccount("personnel", "enseignant");
        TestStack.Account colleague = TestStack.get().newAccount("personnel", "enseignant");
        UUID record = agents.imported(teacher.username(), teacher.id()).id;
        UUID other = agents.imported(colleague.username(), colleague.id()).id;
        agents.event(record, LocalDate.of(2025, 9, 1), "echelon", "Passage au 7e échelon");
        agents.appraisal(record, LocalDate.now().minusDays(3), null, "inspecteur-retention");
        agents.readAt(record, Instant.now().minusSeconds(60));
        agents.readAt(other, Instant.now().minusSeconds(60));

        Map<String, byte[]> files = Zips.files(given().auth().oauth2(TestStack.get().accessToken(teacher.username()))
                .get("/personal-data").then().statusCode(200).contentType("application/zip").extract().asByteArray());

        assertEquals(Set.of("carriere/dossier.json", "carriere/historique.json",
                "carriere/rendez-vous-de-carriere.json", "carriere/cv.json", "carriere/promotions.json",
                "carriere/journal-des-acces.json"), files.keySet());
        assertTrue(text(files, "carriere/dossier.json").contains(record.toString()));
        assertTrue(text(files, "carriere/historique.json").contains("Passage au 7e échelon"));
        assertTrue(text(files, "carriere/rendez-vous-de-carriere.json").contains("Séquences rigoureuses"));
        assertTrue(text(files, "carriere/journal-des-acces.json").contains("Claire Durand"));
        String all = Zips.allText(files);
        assertFalse(all.contains(other.toString()) || all.contains(colleague.username()), "nothing of the colleague's");
    }

    @Test
    void withoutARecordTheArchiveIsEmpty() {
        TestStack.Account newcomer = TestStack.get().newAccount("personnel");
        assertEquals(Map.of(), Zips.files(given().auth().oauth2(TestStack.get().accessToken(newcomer.username()))
                .get("/personal-data").then().statusCode(200).extract().asByteArray()));
    }

    private static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }
}

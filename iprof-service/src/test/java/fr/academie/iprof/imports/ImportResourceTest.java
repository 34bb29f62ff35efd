package fr.academie.iprof.imports;

import fr.academie.iprof.Calls;
import fr.academie.iprof.agent.Agent;
import fr.academie.iprof.agent.Agents;
import fr.academie.iprof.agent.CareerEvent;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "iprof-service"))
class ImportResourceTest {

    static final String HEADER = "identifiant;nom;prenom;statut;corps;discipline;grade;echelon;date_echelon;indice_majore;"
            + "uai;etablissement;commune;date_affectation\n";

    @Inject
    Agents agents;

    /** Identifiers of this test's agents start with it, so that counts see only them. */
    private String prefix;

    @BeforeEach
    void freshIdentifiers() {
        Random random = new Random();
        StringBuilder letters = new StringBuilder("imp");
        for (int i = 0; i < 6; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        prefix = letters.toString();
    }

    private String line(String suffix, int echelon, String uai) {
        return prefix + suffix + ";Dupont;Camille;titulaire;Professeur certifié;Lettres modernes;Classe normale;" + echelon
                + ";01/09/2024;" + (440 + echelon) + ";" + uai + ";Collège Anatole France;Tours;2020-09-01\n";
    }

    private long imported() {
        return Agent.count("identifier like ?1", prefix + "%");
    }

    @Test
    void aDryRunReportsEveryBadCellByLineAndColumnAndWritesNothing() {
        String file = HEADER
                + line("a", 7, "0370035M")                                                         // line 2: good
                + prefix + "b;;Camille;titulaire;Professeur certifié;;Classe normale;7;2024-09-01;;;;;\n"   // 3: nom
                + prefix + "c;Dupont;Camille;vacataire;Professeur certifié;;Classe normale;12;2024-09-01;;;;;\n" // 4
                + prefix + "d;Dupont;Camille;;Professeur certifié;;Classe normale;7;31/02/2024;;045004K;Collège;;\n" // 5
                + "L Martin!;Dupont;Camille;;Professeur certifié;;Classe normale;7;2024-09-01;;;;;\n"       // 6
                + line("a", 8, "0370035M");                                                         // 7: duplicate
        as("cdurand").body(file).post("/imports/agents?dryRun=true").then().statusCode(200)
                .body("dryRun", is(true)).body("applied", is(false))
                .body("lines", is(6)).body("created", is(1))
                .body("errors.findAll { it.line == 3 }.column", hasItems("nom"))
                .body("errors.findAll { it.line == 4 }.column", hasItems("statut", "echelon"))
                .body("errors.findAll { it.line == 5 }.column", hasItems("date_echelon", "uai", "date_affectation"))
                .body("errors.findAll { it.line == 6 }.column", hasItems("identifiant"))
                .body("errors.find { it.line == 7 }.message", is("Identifiant en double : déjà ligne 2."))
                .body("errors.find { it.column == 'echelon' }.message", containsString("entre 1 et 11"));
        assertEquals(0, imported(), "a dry run writes nothing");
    }

    @Test
    void theSameFileTwiceCreatesNothingTheSecondTime() {
        String file = HEADER + line("a", 7, "0370035M") + line("b", 5, "0450042K");
        as("cdurand").body(file).post("/imports/agents").then().statusCode(200)
                .body("applied", is(true)).body("created", is(2)).body("unchanged", is(0));
        as("cdurand").body(file).post("/imports/agents").then().statusCode(200)
                .body("created", is(0)).body("updated", is(0)).body("unchanged", is(2));
        assertEquals(2, imported());
    }

    @Test
    void aFileWithOneBadLineIsRefusedWholeUnlessBadLinesAreSkipped() {
        String file = HEADER + line("a", 7, "0370035M") + line("b", 99, "0370035M") + line("c", 3, "0370035M");
        as("cdurand").body(file).post("/imports/agents").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("urn:portail:iprof:import-refused"))
                .body("detail", containsString("1 ligne en erreur : rien n'a été importé"))
                .body("errors[0].line", is(3)).body("errors[0].column", is("echelon"));
        assertEquals(0, imported(), "nothing of the good lines either");
        as("cdurand").body(file).post("/imports/agents?skipInvalid=true").then().statusCode(200)
                .body("created", is(2)).body("skipped", is(1)).body("errors.size()", is(1));
        assertEquals(2, imported());
    }

    @Test
    void aChangedLineUpdatesTheRecordAndDatesTheChangeInItsTimeline() {
        as("cdurand").body(HEADER + line("a", 7, "0370035M")).post("/imports/agents").then().statusCode(200);
        String moved = HEADER + prefix + "a;Dupont;Camille;titulaire;Professeur certifié;Lettres modernes;Classe normale;8;"
                + "01/09/2027;476;0450042K;Lycée de l'Orme;Orléans;2027-09-01\n";
        as("cdurand").body(moved).post("/imports/agents").then().statusCode(200).body("updated", is(1));
        Agent agent = Agent.find("identifier", prefix + "a").firstResult();
        assertEquals(8, agent.echelon);
        assertEquals("0450042K", agent.schoolUai);
        assertEquals(2, CareerEvent.count("agentId = ?1 and kind in ('echelon', 'affectation')", agent.id));
        assertEquals(LocalDate.of(2027, 8, 31), fr.academie.iprof.agent.Assignment.<fr.academie.iprof.agent.Assignment>find(
                "agentId = ?1 and schoolUai = '0370035M'", agent.id).firstResult().endsOn);
    }

    @Test
    void aWindowsSpreadsheetWithoutTheOptionalColumnsIsReadToo() {
        String file = "Identifiant;Nom;Prénom;Corps;Grade;Échelon;Date échelon\r\n"
                + prefix.toUpperCase() + "a;Lefèvre;Zoé;Professeur des écoles;Classe normale;3;01/09/2025\r\n";
        as("cdurand").body(file.getBytes(Charset.forName("windows-1252"))).post("/imports/agents").then().statusCode(200)
                .body("created", is(1));
        Agent agent = Agent.find("identifier", prefix + "a").firstResult();
        assertEquals("Zoé", agent.firstName);
        assertEquals("titulaire", agent.status);
    }

    @Test
    void aFileThatIsNotATableIsRefusedNamingTheProblem() {
        as("cdurand").body("").post("/imports/agents").then().statusCode(400)
                .body("field", is("fichier")).body("detail", containsString("Le fichier est vide"));
        as("cdurand").body("identifiant;nom;prenom;corps;grade;echelon;date_echelon;salaire\n").post("/imports/agents")
                .then().statusCode(400).body("detail", containsString("Colonne inconnue « salaire »"));
        as("cdurand").body("identifiant;nom;prenom\n").post("/imports/agents")
                .then().statusCode(400).body("detail", containsString("La colonne « corps » manque"));
    }

    @Test
    void onlyHrImports() {
        as("lmartin").body(HEADER).post("/imports/agents").then().statusCode(403);
        as("pleroy").body(HEADER).post("/imports/grids").then().statusCode(403);
        given().contentType("text/csv").body(HEADER).post("/imports/agents").then().statusCode(401);
    }

    @Test
    void aGridVersionIsImportedWholeAndUsedForTheProjections() {
        String corps = "Corps d'essai " + prefix;
        String grid = "corps;grade;date_effet;echelon;duree_mois;duree_acceleree_mois;source\n"
                + corps + ";Classe normale;2020-01-01;1;12;;Arrêté d'essai\n"
                + corps + ";Classe normale;2020-01-01;2;24;18;Arrêté d'essai\n"
                + corps + ";Classe normale;2020-01-01;3;;;Arrêté d'essai\n";
        as("cdurand").body(grid).post("/imports/grids").then().statusCode(200).body("created", is(1));
        as("cdurand").body(grid.replace(";24;18;", ";30;18;")).post("/imports/grids").then().statusCode(200)
                .body("created", is(0)).body("updated", is(1));
        agents.imported("lmartin", DemoAccounts.id("lmartin"), corps, "Classe normale", 2, LocalDate.of(2025, 1, 31),
                "0450042K");
        as("lmartin").get("/agents/me").then().statusCode(200)
                .body("advancement.gridSource", is("Arrêté d'essai"))
                .body("advancement.next.normal.date", is("2027-07-31"))
                .body("advancement.next.accelerated.date", is("2026-07-31"));
        String holed = grid.replace(corps + ";Classe normale;2020-01-01;2;24;18;Arrêté d'essai\n", "")
                .replace("2020-01-01", "2021-01-01");
        as("cdurand").body(holed).post("/imports/grids").then().statusCode(422)
                .body("errors[0].column", is("echelon")).body("errors[0].message", containsString("le 2e manque"));
    }

    private static RequestSpecification as(String username) {
        return Calls.as(username).contentType("text/csv; charset=UTF-8");
    }
}

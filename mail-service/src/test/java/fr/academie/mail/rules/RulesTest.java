package fr.academie.mail.rules;

import fr.academie.mail.TestMailbox;
import fr.academie.mail.mx.Smtplib;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person's rules (a Sieve script) saved through the API and run on mail arriving through the MX: a message is
 * filed where its rule says, and says which rule put it there; a broken script is refused with its line; a folder
 * that does not exist leaves the message in the inbox, saying so; suspended rules do nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class RulesTest {

    private static final String SAMIRS_RULES = """
            require ["fileinto"];
            # rule:[Devis des fournisseurs]
            if header :contains "subject" "devis" {
                fileinto "Fiscalité";
                stop;
            }
            # rule:[Lettres d'information]
            if exists "List-Id" {
                fileinto "Lettres";
            }
            """;

    @ConfigProperty(name = "mail.mx.port")
    int port;

    @Test
    void aQuoteIsFiledIntoFiscaliteAndSaysWhichRulePutItThere() throws Exception {
        TestMailbox samir = TestMailbox.create();
        String fiscalite = given().auth().oauth2(samir.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Fiscalité")).post("/folders").then().statusCode(201).extract().path("id");
        given().auth().oauth2(samir.token()).get("/rules").then().statusCode(200)
                .body("script", is("")).body("suspended", is(false)).body("extensions", org.hamcrest.Matchers.hasItem("fileinto"));
        save(samir, SAMIRS_RULES, false).statusCode(200).body("script", is(SAMIRS_RULES)).body("updatedAt", notNullValue());
        given().auth().oauth2(samir.token()).get("/rules/script").then().statusCode(200)
                .contentType("application/sieve").header("Content-Disposition", containsString("regles.sieve"))
                .body(is(SAMIRS_RULES));
        given().get("/rules/script").then().statusCode(401);

        String quote = "Devis numero " + UUID.randomUUID();
        send(samir, "From: Fournisseur <devis@papeterie-exemple.fr>\r\nSubject: " + quote + "\r\n\r\nCi-joint.\r\n");
        JsonPath filed = view(samir, awaitIn(samir, fiscalite, quote));
        assertEquals(List.of(Map.of("rule", "Devis des fournisseurs", "line", 4, "action", "classé dans « Fiscalité »")),
                filed.getList("filedBy"), filed.prettify());

        // a newsletter's rule names a folder Samir has not made: the inbox keeps it and says why
        String letter = "Lettre " + UUID.randomUUID();
        send(samir, "From: Lettre <info@exemple.fr>\r\nList-Id: <info.exemple.fr>\r\nSubject: " + letter + "\r\n\r\nNews.\r\n");
        JsonPath kept = view(samir, samir.awaitMessage("INBOX", letter).getString("id"));
        assertEquals("Lettres d'information", kept.getString("filedBy[0].rule"));
        assertEquals("le dossier « Lettres » n'existe pas : le message est resté là où il serait arrivé sans cette règle",
                kept.getString("filedBy[0].action"));

        // "Suspendre toutes les règles": the next quote stays in the inbox, untouched
        save(samir, SAMIRS_RULES, true).statusCode(200).body("suspended", is(true));
        String another = "Devis numero " + UUID.randomUUID();
        send(samir, "From: Fournisseur <devis@papeterie-exemple.fr>\r\nSubject: " + another + "\r\n\r\nCi-joint.\r\n");
        assertEquals(List.of(), view(samir, samir.awaitMessage("INBOX", another).getString("id")).getList("filedBy"));
    }

    @Test
    void rulesMadeInTheEditorFileSamirsPdfQuotesAndReadBackAsTheyWereMade() throws Exception {
        TestMailbox samir = TestMailbox.create();
        String fiscalite = given().auth().oauth2(samir.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Fiscalité")).post("/folders").then().statusCode(201).extract().path("id");
        String label = given().auth().oauth2(samir.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Devis reçus", "color", "#1f77b4")).post("/labels").then().statusCode(201)
                .extract().path("id");
        List<Map<String, Object>> rules = List.of(
                Map.of("name", "Devis PDF", "enabled", true, "match", "ALL", "conditions", List.of(
                        Map.of("field", "FROM", "operator", "CONTAINS", "value", "@papeterie-exemple.fr"),
                        Map.of("field", "ATTACHMENT_TYPE", "value", "pdf")), "actions", List.of(
                        Map.of("kind", "MOVE", "value", "Fiscalité"), Map.of("kind", "LABEL", "value", "Devis reçus"))),
                Map.of("name", "Authentifié", "enabled", true, "match", "ALL", "conditions", List.of(
                        Map.of("field", "AUTHENTICATION", "operator", "PASSES")), "actions", List.of(Map.of("kind", "FLAG"))));
        JsonPath saved = given().auth().oauth2(samir.token()).contentType(ContentType.JSON)
                .body(Map.of("rules", rules, "suspended", false)).put("/rules").then().statusCode(200).extract().jsonPath();
        assertEquals("Devis reçus", saved.getString("rules[0].actions[1].value"), saved.prettify());
        assertEquals("ATTACHMENT_TYPE", saved.getString("rules[0].conditions[1].field"));
        assertEquals(true, saved.getString("script").contains("attachment :type \"pdf\""), saved.getString("script"));

        String quote = "Devis " + UUID.randomUUID();
        send(samir, "From: Papeterie <devis@papeterie-exemple.fr>\r\nSubject: " + quote + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nCi-joint.\r\n"
                + "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=devis.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n");
        JsonPath filed = view(samir, awaitIn(samir, fiscalite, quote));
        assertEquals(List.of(label), filed.getList("labels.id"), filed.prettify());
        assertEquals(List.of("classé dans « Fiscalité »", "étiquette « Devis_reçus »"), filed.getList("filedBy.action"));

        // the same sender without a PDF stays in the inbox; an Authentication-Results: the sender wrote proves nothing
        String letter = "Relance " + UUID.randomUUID();
        send(samir, "From: Papeterie <devis@papeterie-exemple.fr>\r\nAuthentication-Results: mx.ac-orleans-tours.fr;"
                + " dmarc=pass header.from=papeterie-exemple.fr\r\nSubject: " + letter + "\r\n\r\nBonjour.\r\n");
        JsonPath kept = view(samir, samir.awaitMessage("INBOX", letter).getString("id"));
        assertEquals(List.of(), kept.getList("filedBy"), kept.prettify());
        assertEquals(false, kept.getBoolean("flagged"));

        // a notification of the portal's services is a "message du portail"; a stranger's copy of its From is not
        save(samir, null, false).statusCode(400).body("field", is("script")); // neither rules nor script
        given().auth().oauth2(samir.token()).contentType(ContentType.JSON).body(Map.of("suspended", false, "rules", List.of(
                Map.of("name", "RH", "enabled", true, "match", "ALL", "conditions", List.of(Map.of("field", "PORTAL")),
                        "actions", List.of(Map.of("kind", "LABEL", "value", "Devis reçus")))))).put("/rules").then().statusCode(200);
        String notice = given().auth().oauth2(TestStack.get().serviceToken("colibris-notifier")).contentType(ContentType.JSON)
                .body(Map.of("key", UUID.randomUUID().toString(), "recipient", samir.id(), "subject", "Demande validée",
                        "text", "Votre demande est validée.", "senderName", "Colibris"))
                .post("/internal/notifications").then().statusCode(201).extract().path("messageId");
        assertEquals(List.of(label), view(samir, notice).getList("labels.id"));
        String forged = "Demande validée " + UUID.randomUUID();
        send(samir, "From: Colibris <ne-pas-repondre@exemple.fr>\r\nSubject: " + forged + "\r\n\r\nCliquez.\r\n");
        JsonPath stranger = samir.awaitMessage("INBOX", forged);
        assertEquals(List.of(), view(samir, stranger.getString("id")).getList("labels"));
    }

    @Test
    void aTrialShowsWhatDeliveryWouldDoWithoutChangingAnythingAndApplyingDoesIt() throws Exception {
        TestMailbox samir = TestMailbox.create();
        String fiscalite = given().auth().oauth2(samir.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Fiscalité")).post("/folders").then().statusCode(201).extract().path("id");
        String quote = "Devis " + UUID.randomUUID();
        String other = "Réunion " + UUID.randomUUID();
        send(samir, "From: Papeterie <devis@papeterie-exemple.fr>\r\nSubject: " + quote + "\r\n\r\nCi-joint.\r\n");
        send(samir, "From: Paul <paul@exemple.fr>\r\nSubject: " + other + "\r\n\r\nBonjour.\r\n");
        String quoteId = samir.awaitMessage("INBOX", quote).getString("id");
        samir.awaitMessage("INBOX", other);
        List<Map<String, Object>> rules = List.of(Map.of("name", "Devis", "enabled", true, "match", "ALL",
                "conditions", List.of(Map.of("field", "SUBJECT", "operator", "CONTAINS", "value", "devis")),
                "actions", List.of(Map.of("kind", "MOVE", "value", "Fiscalité"), Map.of("kind", "MARK_READ"))));
        String inbox = samir.folder("INBOX");

        JsonPath trial = given().auth().oauth2(samir.token()).contentType(ContentType.JSON)
                .body(Map.of("rules", rules, "folderId", inbox, "limit", 10)).post("/rules/trial").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, trial.getInt("changed"), trial.prettify());
        assertEquals(fiscalite, trial.getString("items.find { it.subject == '" + quote + "' }.folderId"));
        assertEquals("Fiscalité", trial.getString("items.find { it.subject == '" + quote + "' }.folderName"));
        List<String> tried = trial.getList("items.find { it.subject == '" + quote + "' }.actions.action");
        assertEquals(List.of("classé dans « Fiscalité »", "marqué comme lu"), tried);
        assertEquals(List.of(), trial.getList("items.find { it.subject == '" + other + "' }.actions"));
        assertEquals(true, view(samir, quoteId).getBoolean("unread"), "a trial changes nothing");
        given().auth().oauth2(samir.token()).get("/rules").then().body("script", is(""));

        // applying needs saved rules that are on
        Map<String, Object> application = Map.of("folderId", inbox);
        given().auth().oauth2(samir.token()).contentType(ContentType.JSON).body(application).post("/rules/application")
                .then().statusCode(409).body("type", is("urn:portail:mail:rules-off"));
        given().auth().oauth2(samir.token()).contentType(ContentType.JSON).body(Map.of("rules", rules, "suspended", false))
                .put("/rules").then().statusCode(200);
        given().auth().oauth2(samir.token()).contentType(ContentType.JSON).body(application).post("/rules/application")
                .then().statusCode(200).body("changed", is(1));
        JsonPath applied = view(samir, quoteId);
        assertEquals(fiscalite, applied.getString("folderId"), applied.prettify());
        assertEquals(false, applied.getBoolean("unread"));
        assertEquals(tried, applied.getList("filedBy.action"));

        // what the trial said is what delivery does
        String next = "Devis " + UUID.randomUUID();
        send(samir, "From: Papeterie <devis@papeterie-exemple.fr>\r\nSubject: " + next + "\r\n\r\nCi-joint.\r\n");
        assertEquals(tried, view(samir, awaitIn(samir, fiscalite, next)).getList("filedBy.action"));

        // someone else's folder, no token, bad input
        TestMailbox lena = TestMailbox.create();
        given().auth().oauth2(lena.token()).contentType(ContentType.JSON).body(Map.of("rules", rules, "folderId", inbox))
                .post("/rules/trial").then().statusCode(404).body("field", is("folderId"));
        given().auth().oauth2(lena.token()).contentType(ContentType.JSON).body(application).post("/rules/application")
                .then().statusCode(409);
        given().contentType(ContentType.JSON).body(application).post("/rules/application").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("rules", rules, "folderId", inbox)).post("/rules/trial")
                .then().statusCode(401);
        for (String body : List.of("{\"script\": \"keep;\", \"folderId\": \"" + inbox + "\", \"limit\": 1e99}",
                "{\"script\": \"keep;\", \"folderId\": \"pas-un-uuid\"}", "{\"script\": \"keep;\"}",
                "{\"script\": \"keep;\", \"folderId\": \"" + inbox + "\", \"limit\": 0}")) {
            given().auth().oauth2(samir.token()).contentType(ContentType.JSON).body(body).post("/rules/trial").then()
                    .statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void aRuleTheEditorCannotWriteIsRefusedNamingItsField() {
        TestMailbox nadia = TestMailbox.create();
        given().auth().oauth2(nadia.token()).contentType(ContentType.JSON).body(Map.of("suspended", false, "rules", List.of(
                        Map.of("enabled", true, "match", "ALL", "conditions", List.of(Map.of("field", "SIZE", "operator", "OVER",
                                "value", "beaucoup")), "actions", List.of(Map.of("kind", "STOP"))))))
                .put("/rules").then().statusCode(400).contentType("application/problem+json")
                .body("field", is("rules[0].conditions[0].value"))
                .body("detail", is("Règle 1 : la taille est un nombre entier de kilo-octets, de 1 à 9 999 999."));
        given().auth().oauth2(nadia.token()).contentType(ContentType.JSON)
                .body("{\"script\": \"keep;\", \"rules\": [], \"suspended\": false}").put("/rules").then().statusCode(400)
                .body("field", is("script")).body("detail", containsString("pas les deux"));
        given().auth().oauth2(nadia.token()).contentType(ContentType.JSON)
                .body("{\"rules\": [{\"enabled\": true, \"match\": \"PARFOIS\", \"conditions\": [], \"actions\": []}]}")
                .put("/rules").then().statusCode(400).body("field", containsString("match"));
        given().auth().oauth2(nadia.token()).contentType(ContentType.JSON)
                .body("{\"rules\": [{\"enabled\": true, \"match\": \"ALL\", \"conditions\": [], \"actions\": []}]}")
                .put("/rules").then().statusCode(400).body("field", containsString("actions"));
        given().auth().oauth2(nadia.token()).get("/rules").then().body("script", is("")).body("rules", org.hamcrest.Matchers.empty());
    }

    @Test
    void aRuleMarksReadFollowsAndLabelsAndSaysSo() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String label = given().auth().oauth2(lena.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Parents", "color", "#1f77b4")).post("/labels").then().statusCode(201)
                .extract().path("id");
        save(lena, """
                require ["imap4flags"];
                # rule:[Parents d'élèves]
                if address :domain :is "from" "parents-exemple.fr" {
                    addflag ["\\\\Seen", "\\\\Flagged"];
                    addflag "parents Inconnue";
                }
                """, false).statusCode(200);

        String subject = "Sortie au musee " + UUID.randomUUID();
        send(lena, "From: Famille Petit <famille@parents-exemple.fr>\r\nSubject: " + subject + "\r\n\r\nBonjour.\r\n");
        JsonPath line = lena.awaitMessage("INBOX", subject);
        JsonPath message = view(lena, line.getString("id"));
        assertEquals(false, message.getBoolean("unread"), message.prettify());
        assertEquals(true, message.getBoolean("flagged"), message.prettify());
        assertEquals(List.of(label), message.getList("labels.id"), message.prettify());
        assertEquals(List.of("marqué comme lu", "suivi", "étiquette « parents »",
                        "l'étiquette « Inconnue » n'existe pas : le message ne l'a pas reçue"),
                message.getList("filedBy.action"), message.prettify());
        assertEquals("Parents d'élèves", message.getString("filedBy[0].rule"));
        assertEquals(List.of(4, 4, 5, 5), message.getList("filedBy.line"), "the command that gave each flag");
    }

    @Test
    void someoneElsesRulesNeverTouchYourMail() throws Exception {
        TestMailbox samir = TestMailbox.create();
        TestMailbox lena = TestMailbox.create();
        save(samir, "require \"fileinto\";\nfileinto \"Archives\";\n", false).statusCode(200);
        given().auth().oauth2(lena.token()).get("/rules").then().statusCode(200).body("script", is(""));

        String subject = "Conseil de classe " + UUID.randomUUID();
        send(lena, "From: Parent <parent@exemple.fr>\r\nSubject: " + subject + "\r\n\r\nBonjour.\r\n");
        assertEquals(List.of(), view(lena, lena.awaitMessage("INBOX", subject).getString("id")).getList("filedBy"));
        send(samir, "From: Parent <parent@exemple.fr>\r\nSubject: " + subject + "\r\n\r\nBonjour.\r\n");
        samir.awaitMessage("ARCHIVE", subject);
    }

    @Test
    void aScriptThatFailsWhenItRunsDeliversToTheInboxAndTellsThePersonOnceWithTheLine() throws Exception {
        TestMailbox nadia = TestMailbox.create();
        save(nadia, "# rule:[Gros messages]\nif size 100 {\n    stop;\n}\n", false).statusCode(200).body("failure", is((Object) null));
        String first = "Absence " + UUID.randomUUID();
        send(nadia, "From: Parent <parent@exemple.fr>\r\nSubject: " + first + "\r\n\r\nBonjour.\r\n");
        JsonPath message = view(nadia, nadia.awaitMessage("INBOX", first).getString("id"));
        assertEquals(2, message.getInt("filedBy[0].line"), message.prettify());
        assertTrue(message.getString("filedBy[0].action").startsWith("Vos règles n'ont pas pu s'appliquer : Ligne 2"),
                message.prettify());
        JsonPath rules = given().auth().oauth2(nadia.token()).get("/rules").then().statusCode(200).extract().jsonPath();
        assertEquals(2, rules.getInt("failure.line"), rules.prettify());
        assertEquals(message.getString("filedBy[0].action"), rules.getString("failure.detail"));
        String failedAt = rules.getString("failure.at");

        // a second message: still in the inbox, and the person was told already (the first failure stays)
        String second = "Absence " + UUID.randomUUID();
        send(nadia, "From: Parent <parent@exemple.fr>\r\nSubject: " + second + "\r\n\r\nBonjour.\r\n");
        nadia.awaitMessage("INBOX", second);
        given().auth().oauth2(nadia.token()).get("/rules").then().body("failure.at", is(failedAt));

        // saved again: nothing to tell
        save(nadia, "if size :over 100K {\n    stop;\n}\n", false).statusCode(200).body("failure", is((Object) null));
    }

    @Test
    void aBrokenScriptIsRefusedWithItsLineAndTheRulesInPlaceStay() {
        TestMailbox nadia = TestMailbox.create();
        save(nadia, "keep;\n", false).statusCode(200);
        save(nadia, "require \"fileinto\";\nif header :contains \"subject\" \"absence\" {\n  fileinto \"Vie scolaire\"\n}\n", false)
                .statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:portail:mail:rules-invalid")).body("field", is("script"))
                .body("detail", containsString("Ligne 4, colonne 1"));
        given().auth().oauth2(nadia.token()).get("/rules").then().body("script", is("keep;\n"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        TestMailbox nadia = TestMailbox.create();
        for (String body : List.of("{\"script\": \"keep;\\u0000\"}", "{\"script\": 5, \"suspended\": false}",
                "{\"script\": \"keep;\", \"script\": \"discard;\"}", "{\"suspended\": \"oui\", \"script\": \"keep;\"}",
                "{\"script\": \"" + "#".repeat(70_000) + "\"}", "{}", "[]")) {
            io.restassured.response.Response response = given().auth().oauth2(nadia.token()).contentType(ContentType.JSON)
                    .body(body).put("/rules");
            assertEquals(400, response.statusCode(), body.substring(0, Math.min(60, body.length())) + " → " + response.asString());
            assertEquals("application/problem+json", response.contentType());
        }
        given().auth().oauth2(nadia.token()).contentType(ContentType.JSON)
                .body("{\"script\": \"keep;\", \"script\": \"discard;\"}").put("/rules").then()
                .body("field", is("script")).body("detail", is("Le champ « script » figure deux fois dans le corps de la requête."));
        given().auth().oauth2(nadia.token()).get("/rules").then().body("script", is(""));
    }

    @Test
    void theEnvelopeAndTheFlagsSetBeforeAreTestedAsSieveSays() throws Exception {
        TestMailbox samir = TestMailbox.create();
        String fiscalite = given().auth().oauth2(samir.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Fiscalité")).post("/folders").then().statusCode(201).extract().path("id");
        String script = """
                require ["envelope", "fileinto", "imap4flags"];
                # rule:[Fournisseur]
                if envelope :domain :is "from" "papeterie-exemple.fr" { addflag "\\\\Flagged"; }
                # rule:[Suivis]
                if hasflag :is "\\\\Flagged" { fileinto "Fiscalité"; }
                # rule:[Pour moi]
                if envelope :is "to" "%s" { addflag "\\\\Seen"; }
                """.formatted(samir.address());
        save(samir, script, false).statusCode(200);

        // the header says another domain; the envelope (MAIL FROM) is the supplier's
        String quote = "Relance " + UUID.randomUUID();
        assertEquals("250", Smtplib.send(port, "relances@papeterie-exemple.fr", List.of(samir.address()), "To: "
                + samir.address() + "\r\nFrom: <service@autre-exemple.fr>\r\nSubject: " + quote + "\r\n\r\nBonjour.\r\n",
                "send").getString("outcome"));
        JsonPath filed = view(samir, awaitIn(samir, fiscalite, quote));
        assertEquals(true, filed.getBoolean("flagged"), filed.prettify());
        assertEquals(false, filed.getBoolean("unread"), filed.prettify());
        assertEquals(List.of("Suivis", "Fournisseur", "Pour moi"), filed.getList("filedBy.rule"), "each flag said by the "
                + "rule that gave it: " + filed.prettify());

        String other = "Autre " + UUID.randomUUID();
        send(samir, "From: <devis@papeterie-exemple.fr>\r\nSubject: " + other + "\r\n\r\nBonjour.\r\n");
        JsonPath kept = view(samir, samir.awaitMessage("INBOX", other).getString("id"));
        assertEquals(false, kept.getBoolean("flagged"), "the header's domain is not the envelope's");
    }

    @Test
    void samirsQuotesAreRenamedByDaySenderAndNameAndFiled() throws Exception {
        TestMailbox samir = TestMailbox.create();
        String fiscalite = given().auth().oauth2(samir.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Fiscalité")).post("/folders").then().statusCode(201).extract().path("id");
        Map<String, Object> rule = Map.of("name", "Devis PDF", "enabled", true, "match", "ALL",
                "conditions", List.of(Map.of("field", "ATTACHMENT_TYPE", "value", "pdf")),
                "actions", List.of(Map.of("kind", "RENAME_PDF", "value", "{date}_{expéditeur}_{nom}"),
                        Map.of("kind", "MOVE", "value", "Fiscalité")));
        given().auth().oauth2(samir.token()).contentType(ContentType.JSON).body(Map.of("suspended", false,
                "rules", List.of(rule))).put("/rules").then().statusCode(200).body("rules[0].actions[0].kind", is("RENAME_PDF"));

        String quote = "Devis " + UUID.randomUUID();
        send(samir, "From: Papeterie Dupont <devis@papeterie-exemple.fr>\r\nSubject: " + quote + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nCi-joint.\r\n"
                + "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=devis-2026.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b\r\nContent-Type: image/png\r\n"
                + "Content-Disposition: attachment; filename=logo.png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "iVBORw0KGgo=\r\n--b--\r\n");
        JsonPath filed = view(samir, awaitIn(samir, fiscalite, quote));
        String day = java.time.LocalDate.now(fr.academie.common.date.FrenchDates.PARIS).toString();
        assertEquals(List.of(day + "_Papeterie-Dupont_devis-2026.pdf", "logo.png"), filed.getList("attachments.fileName"),
                filed.prettify());
        assertEquals("pièce jointe « devis-2026.pdf » renommée « " + day + "_Papeterie-Dupont_devis-2026.pdf »",
                filed.getString("filedBy[0].action"));
        // the source stays as received: the name is the portal's
        assertTrue(given().auth().oauth2(samir.token()).get("/messages/{id}/source", filed.getString("id")).asString()
                .contains("filename=devis-2026.pdf"));
    }

    private static io.restassured.response.ValidatableResponse save(TestMailbox mailbox, String script, boolean suspended) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("suspended", suspended));
        body.put("script", script);
        return given().auth().oauth2(mailbox.token()).contentType(ContentType.JSON).body(body).put("/rules").then();
    }

    private void send(TestMailbox to, String headersAndBody) throws Exception {
        String message = "To: " + to.address() + "\r\nMessage-ID: <" + UUID.randomUUID() + "@exemple.fr>\r\n" + headersAndBody;
        assertEquals("250", Smtplib.send(port, "expediteur@exemple.fr", List.of(to.address()), message, "send")
                .getString("outcome"));
    }

    private static String awaitIn(TestMailbox mailbox, String folder, String subject) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(mailbox.token())
                .get("/folders/{id}/messages", folder).then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.subject == '" + subject + "' }.id"), notNullValue());
    }

    private static JsonPath view(TestMailbox mailbox, String id) {
        return given().auth().oauth2(mailbox.token()).get("/messages/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}

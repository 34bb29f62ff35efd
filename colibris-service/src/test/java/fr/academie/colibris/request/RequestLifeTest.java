package fr.academie.colibris.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.academie.colibris.actor.Actor;
import fr.academie.colibris.catalogue.Campaign;
import fr.academie.colibris.catalogue.RequestType;
import fr.academie.colibris.catalogue.TypeDefinition;
import fr.academie.common.date.FrenchDates;
import fr.academie.common.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The life of a request as a table: from each status, each action by each kind of person, what it becomes — or
 * which problem refuses it. The type is "formation" of the shipped catalogue: head of school, then HR.
 */
class RequestLifeTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Actor LENA = new Actor("lena", "Léna Martin", Set.of("personnel", "enseignant"), "0450042K");
    private static final Actor PAUL = new Actor("paul", "Paul Leroy", Set.of("personnel", "chef-etablissement"), "0450042K");
    private static final Actor OTHER_HEAD = new Actor("autre", "Autre chef", Set.of("personnel", "chef-etablissement"), "0370035M");
    private static final Actor CLAIRE = new Actor("claire", "Claire Durand", Set.of("personnel", "gestionnaire-rh"), null);
    private static final Actor SAMIR = new Actor("samir", "Samir Benali", Set.of("personnel"), "0450042K");
    private static final Map<String, Actor> PEOPLE = Map.of("lena", LENA, "paul", PAUL, "autre", OTHER_HEAD,
            "claire", CLAIRE, "samir", SAMIR);

    @ParameterizedTest(name = "{0} — {1} by {2} → {3}")
    @CsvSource(textBlock = """
            DRAFT,       edit,     lena,   DRAFT
            DRAFT,       edit,     paul,   not-the-owner
            DRAFT,       submit,   lena,   IN_REVIEW@1
            DRAFT,       submit,   samir,  not-the-owner
            DRAFT,       approve,  paul,   transition-refused
            DRAFT,       withdraw, lena,   WITHDRAWN
            IN_REVIEW@1, edit,     lena,   transition-refused
            IN_REVIEW@1, submit,   lena,   transition-refused
            IN_REVIEW@1, approve,  paul,   IN_REVIEW@2
            IN_REVIEW@1, approve,  autre,  not-your-step
            IN_REVIEW@1, approve,  claire, not-your-step
            IN_REVIEW@1, approve,  lena,   not-your-step
            IN_REVIEW@1, refuse,   paul,   REFUSED
            IN_REVIEW@1, return,   paul,   RETURNED@1
            IN_REVIEW@1, return,   samir,  not-your-step
            IN_REVIEW@1, withdraw, lena,   WITHDRAWN
            IN_REVIEW@1, withdraw, paul,   not-the-owner
            IN_REVIEW@2, approve,  claire, APPROVED
            IN_REVIEW@2, approve,  paul,   not-your-step
            IN_REVIEW@2, refuse,   claire, REFUSED
            IN_REVIEW@2, return,   claire, RETURNED@2
            IN_REVIEW@2, withdraw, lena,   WITHDRAWN
            RETURNED@2,  edit,     lena,   RETURNED@2
            RETURNED@2,  submit,   lena,   IN_REVIEW@2
            RETURNED@2,  approve,  claire, transition-refused
            RETURNED@2,  withdraw, lena,   WITHDRAWN
            RETURNED@1,  submit,   lena,   IN_REVIEW@1
            APPROVED,    withdraw, lena,   transition-refused
            APPROVED,    approve,  claire, transition-refused
            APPROVED,    edit,     lena,   transition-refused
            REFUSED,     submit,   lena,   transition-refused
            REFUSED,     return,   paul,   transition-refused
            WITHDRAWN,   submit,   lena,   transition-refused
            WITHDRAWN,   withdraw, lena,   transition-refused
            """)
    void everyTransitionFromEveryStatusByEveryKindOfPerson(String from, String action, String who, String expected) {
        HrRequest request = in(from);
        int events = request.history.size();
        Runnable act = () -> act(request, action, PEOPLE.get(who));
        if (expected.contains("@") || expected.equals(expected.toUpperCase())) {
            act.run();
            assertEquals(expected, state(request));
            if (!action.equals("edit")) {
                RequestEvent last = request.history.get(request.history.size() - 1);
                assertEquals(events + 1, request.history.size(), "one history entry per transition");
                assertEquals(who, last.actorId);
                assertEquals(request.status, last.toStatus);
                assertEquals(NOW, last.at);
            }
        } else {
            String status = state(request);
            ProblemException problem = assertThrows(ProblemException.class, act::run);
            assertEquals("urn:portail:colibris:" + expected, problem.toProblem().type());
            assertEquals(status, state(request), "a refused action changes nothing");
            assertEquals(events, request.history.size());
        }
    }

    @Test
    void aRefusalNeedsAReasonAndAReturnSaysWhatToComplete() {
        HrRequest request = in("IN_REVIEW@1");
        ProblemException refusal = assertThrows(ProblemException.class, () -> request.refuse(PAUL, "  ", NOW));
        assertEquals("comment", refusal.toProblem().field());
        assertThrows(ProblemException.class, () -> request.returnForCompletion(PAUL, null, NOW));
        request.refuse(PAUL, "Service non assuré ce jour-là.", NOW);
        assertEquals("Service non assuré ce jour-là.", request.history.get(request.history.size() - 1).comment);
    }

    @Test
    void anIncompleteFormCannotBeSubmittedAndTheProblemNamesTheField() {
        HrRequest request = HrRequest.draft(type("formation"), LENA, JSON.createObjectNode().put("intitule", "Agrégation"), NOW);
        ProblemException problem = assertThrows(ProblemException.class, () -> request.submit(LENA, List.of(), NOW));
        assertEquals(422, problem.status());
        assertEquals("form.organisme", problem.toProblem().field());
        assertTrue(problem.getMessage().contains("« Organisme » est obligatoire"), problem.getMessage());

        request.edit(LENA, form().put("dureeHeures", 900), NOW);
        problem = assertThrows(ProblemException.class, () -> request.submit(LENA, List.of(), NOW));
        assertEquals("form.dureeHeures", problem.toProblem().field());
        assertTrue(problem.getMessage().contains("de 1 à 500 heures"), problem.getMessage());

        request.edit(LENA, form().put("dateDebut", "11/01/2027"), NOW);
        problem = assertThrows(ProblemException.class, () -> request.submit(LENA, List.of(), NOW));
        assertEquals("form.dateDebut", problem.toProblem().field());
        assertEquals(RequestStatus.DRAFT, request.status);
    }

    @Test
    void aTypeFiledInCampaignsIsRefusedOutsideThemNamingTheWindow() {
        Campaign campaign = campaign(LocalDateTime.parse("2027-01-04T09:00"), LocalDateTime.parse("2027-04-01T00:00"));
        HrRequest request = HrRequest.draft(type("disponibilite"), LENA, JSON.createObjectNode()
                .put("motif", "suivre son conjoint").put("dateDebut", "2027-09-01").put("dureeAnnees", 1), NOW);
        ProblemException problem = assertThrows(ProblemException.class, () -> request.submit(LENA, List.of(campaign), NOW));
        assertEquals("urn:portail:colibris:campaign-closed", problem.toProblem().type());
        assertTrue(problem.getMessage().contains("du 4 janvier 2027 à 9 h 00 au 1er avril 2027 à 0 h 00 (heure de Paris)"),
                problem.getMessage());
        request.submit(LENA, List.of(campaign), Instant.parse("2027-01-04T08:00:00Z")); // 09:00 in Paris: open
        assertEquals(campaign.id, request.campaignId);
    }

    @Test
    void campaignWindowsAreParisTimeAcrossTheDaylightSavingChange() {
        // closes at midnight, Paris time, on the night summer time starts (2027-03-28: 02:00 → 03:00)
        Campaign campaign = campaign(LocalDateTime.parse("2027-03-01T09:00"), LocalDateTime.parse("2027-03-29T00:00"));
        assertTrue(campaign.admits(Instant.parse("2027-03-01T08:00:00Z")), "09:00 in winter is 08:00 UTC");
        assertTrue(!campaign.admits(Instant.parse("2027-03-01T07:59:59Z")));
        assertTrue(campaign.admits(Instant.parse("2027-03-28T21:59:59Z")), "23:59:59 in summer is 21:59:59 UTC");
        assertTrue(!campaign.admits(Instant.parse("2027-03-28T22:00:00Z")), "midnight in summer is 22:00 UTC");
        campaign.extendedUntil = Instant.parse("2027-03-29T04:00:00Z");
        assertTrue(campaign.admits(Instant.parse("2027-03-29T03:00:00Z")));
        assertTrue(campaign.inExtraTime(Instant.parse("2027-03-29T03:00:00Z")));
    }

    @Test
    void aReturnedRequestResumesAtTheStepThatReturnedIt() {
        HrRequest request = in("RETURNED@2");
        request.edit(LENA, form().put("organisme", "CNED"), NOW);
        request.submit(LENA, List.of(), NOW);
        assertEquals("IN_REVIEW@2", state(request));
        assertNull(request.returnedStep);
        assertEquals(RequestEvent.Kind.RESUBMITTED, request.history.get(request.history.size() - 1).kind);
        assertEquals(NOW.plusSeconds(15 * 86_400), request.dueAt, "the step's own delay, from now");
    }

    private static void act(HrRequest request, String action, Actor actor) {
        Map<String, Consumer<Actor>> actions = Map.of(
                "edit", a -> request.edit(a, form(), NOW),
                "submit", a -> request.submit(a, List.of(), NOW),
                "approve", a -> request.approve(a, "Avis favorable.", NOW),
                "refuse", a -> request.refuse(a, "Service non assuré.", NOW),
                "return", a -> request.returnForCompletion(a, "Joignez le programme.", NOW),
                "withdraw", a -> request.withdraw(a, NOW));
        actions.get(action).accept(actor);
    }

    /** A "formation" request brought to that state through the transitions themselves. */
    private static HrRequest in(String state) {
        HrRequest request = HrRequest.draft(type("formation"), LENA, form(), NOW);
        switch (state) {
            case "DRAFT" -> { }
            case "IN_REVIEW@1" -> request.submit(LENA, List.of(), NOW);
            case "IN_REVIEW@2" -> { request.submit(LENA, List.of(), NOW); request.approve(PAUL, null, NOW); }
            case "RETURNED@1" -> { request.submit(LENA, List.of(), NOW); request.returnForCompletion(PAUL, "x", NOW); }
            case "RETURNED@2" -> { request.submit(LENA, List.of(), NOW); request.approve(PAUL, null, NOW);
                request.returnForCompletion(CLAIRE, "x", NOW); }
            case "APPROVED" -> { request.submit(LENA, List.of(), NOW); request.approve(PAUL, null, NOW);
                request.approve(CLAIRE, null, NOW); }
            case "REFUSED" -> { request.submit(LENA, List.of(), NOW); request.refuse(PAUL, "Non.", NOW); }
            case "WITHDRAWN" -> request.withdraw(LENA, NOW);
            default -> throw new IllegalArgumentException(state);
        }
        return request;
    }

    private static String state(HrRequest request) {
        return switch (request.status) {
            case IN_REVIEW -> "IN_REVIEW@" + request.step;
            case RETURNED -> "RETURNED@" + request.returnedStep;
            default -> request.status.name();
        };
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode form() {
        return JSON.createObjectNode().put("intitule", "Préparation à l'agrégation").put("organisme", "CNED")
                .put("dateDebut", "2027-01-11").put("dureeHeures", 120);
    }

    private static RequestType type(String code) {
        try (InputStream in = RequestLifeTest.class.getClassLoader().getResourceAsStream("catalogue.json")) {
            List<TypeDefinition> types = JSON.readValue(in, new com.fasterxml.jackson.core.type.TypeReference<>() { });
            RequestType type = new RequestType();
            type.definition = types.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
            type.code = code;
            type.label = type.definition.label();
            return type;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Campaign campaign(LocalDateTime opens, LocalDateTime closes) {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.typeCode = "disponibilite";
        campaign.code = "test";
        campaign.label = "Disponibilité 2027-2028";
        campaign.opensAt = opens.atZone(FrenchDates.PARIS).toInstant();
        campaign.closesAt = closes.atZone(FrenchDates.PARIS).toInstant();
        return campaign;
    }
}

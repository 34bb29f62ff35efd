package fr.academie.colibris.notification;

import fr.academie.colibris.catalogue.Step;
import fr.academie.colibris.config.ColibrisConfig;
import fr.academie.colibris.outbox.Notice;
import fr.academie.colibris.request.HrRequest;
import fr.academie.colibris.request.Opinion;
import fr.academie.colibris.request.RequestEvent;
import fr.academie.colibris.request.RequestNews;
import fr.academie.common.date.FrenchDates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a change of a request tells people, written to the outbox in the change's own transaction (it observes the
 * request's {@link RequestNews}): the type and number, the new status, who decided and their comment, the next step
 * and its deadline, and the link to the request. Each text is the body; the outbox greets its reader by name.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class NoticeWriter {

    private static final String SIGNATURE = "Colibris – démarches RH de l'académie";

    private final ColibrisConfig config;

    public NoticeWriter(ColibrisConfig config) {
        this.config = config;
    }

    /**
     * Queues the person's message about that history entry, when it is one she is told of, and, when the request now
     * waits at a step, the message to whoever decides it.
     */
    void moved(@Observes RequestNews.Moved news) {
        HrRequest request = news.request();
        RequestEvent event = news.event();
        String status = switch (event.kind) {
            case SUBMITTED, RESUBMITTED -> "déposée";
            case APPROVED_STEP -> "acceptée à l'étape « " + request.type.definition.step(event.step).label() + " »";
            case APPROVED -> "acceptée";
            case REFUSED -> "refusée";
            case RETURNED -> "à compléter";
            case CREATED, WITHDRAWN -> null; // her own doing, shown on her page
        };
        if (status == null) {
            return;
        }
        Notice.to(request.id, request.ownerId, request.ownerName,
                "Demande n° " + request.number + " (" + request.type.label + ") : " + status,
                statusBody(request, event, status), event.at).persist();
        if (request.currentStep() != null) {
            toDecide(request, event);
        }
    }

    /** Tells whoever decides the step the request now waits at (the school's heads, or HR) that it is theirs. */
    private void toDecide(HrRequest request, RequestEvent event) {
        Step step = request.currentStep();
        List<String> lines = new ArrayList<>(List.of("La demande n° " + request.number + " — " + request.type.label
                + " — de " + request.ownerName + " attend votre décision : « " + step.label() + " », au plus tard le "
                + FrenchDates.day(request.dueAt) + "."));
        if (event.kind == RequestEvent.Kind.APPROVED_STEP) {
            lines.add("L'étape précédente a été acceptée par " + event.actorName
                    + (event.comment == null ? "." : " : " + event.comment));
        }
        lines.addAll(List.of("", "Pour la traiter : " + link(request), "", SIGNATURE));
        forStep(request, step, "À traiter : demande n° " + request.number + " (" + request.type.label + ") – "
                + step.label(), String.join("\n", lines), event.at).persist();
    }

    /**
     * A message of the exchanges: from a decider, the person is told; from the person, whoever decides the step it
     * waits at, or, once it waits no more, whoever decided last.
     */
    void messageWritten(@Observes RequestNews.MessageWritten news) {
        HrRequest request = news.request();
        String subject = "Demande n° " + request.number + " (" + request.type.label + ") : nouveau message";
        String quoted = "« " + news.message().text + " »";
        if (!news.message().authorId.equals(request.ownerId)) {
            Notice.to(request.id, request.ownerId, request.ownerName, subject, String.join("\n",
                    news.message().authorName + " vous a écrit au sujet de votre demande n° " + request.number + " — "
                            + request.type.label + " — :", "", quoted, "", "Pour répondre : " + link(request), "",
                    SIGNATURE), news.message().at).persist();
            return;
        }
        String body = String.join("\n", request.ownerName + " a écrit au sujet de sa demande n° " + request.number
                + " — " + request.type.label + " — :", "", quoted, "", "Pour répondre : " + link(request), "", SIGNATURE);
        Step step = request.currentStep();
        if (step != null) {
            forStep(request, step, subject, body, news.message().at).persist();
            return;
        }
        request.history.stream().filter(e -> e.step != null && !e.actorId.equals(request.ownerId))
                .reduce((first, second) -> second)
                .ifPresent(decided -> Notice.to(request.id, decided.actorId, decided.actorName, subject, body,
                        news.message().at).persist());
    }

    /** The colleague asked for an opinion is told what, about which request, by whom. */
    void opinionAsked(@Observes RequestNews.OpinionAsked news) {
        Opinion opinion = news.opinion();
        HrRequest request = opinion.request;
        Notice.to(request.id, opinion.askedOfId, opinion.askedOfName, "Avis demandé : demande n° " + request.number
                + " (" + request.type.label + ")", String.join("\n", opinion.askedByName
                + " vous demande votre avis sur la demande n° " + request.number + " — " + request.type.label + " — de "
                + request.ownerName + " :", "", "« " + opinion.question + " »", "",
                "Pour la consulter et donner votre avis : " + link(request), "", SIGNATURE), opinion.askedAt).persist();
    }

    /** Whoever asked is told the opinion given. */
    void opinionGiven(@Observes RequestNews.OpinionGiven news) {
        Opinion opinion = news.opinion();
        HrRequest request = opinion.request;
        Notice.to(request.id, opinion.askedById, opinion.askedByName, "Avis donné : demande n° " + request.number
                + " (" + request.type.label + ")", String.join("\n", opinion.askedOfName
                + " a donné son avis sur la demande n° " + request.number + " — " + request.type.label + " — :", "",
                "« " + opinion.answer + " »", "", "Pour la consulter : " + link(request), "", SIGNATURE),
                opinion.answeredAt).persist();
    }

    /** Reminds whoever decides the current step that its deadline is near, or has passed. */
    public void reminded(HrRequest request, boolean late, Instant now) {
        Step step = request.currentStep();
        String deadline = FrenchDates.day(request.dueAt);
        String subject = (late ? "En retard : demande n° " : "Rappel : demande n° ") + request.number + " ("
                + request.type.label + ") à traiter" + (late ? ", attendue le " : " avant le ") + deadline;
        forStep(request, step, subject, String.join("\n", "La demande n° " + request.number + " — "
                + request.type.label + " — de " + request.ownerName + (late ? " attendait votre décision (« "
                + step.label() + " ») au plus tard le " + deadline + " : ce délai est dépassé."
                : " attend votre décision (« " + step.label() + " ») au plus tard le " + deadline + "."),
                "", "Pour la traiter : " + link(request), "", SIGNATURE), now).persist();
    }

    /** A row for whoever decides that step of the request: its role, in the requester's school when it is the school's. */
    private static Notice forStep(HrRequest request, Step step, String subject, String body, Instant at) {
        String uai = step.scope() == Step.Scope.UAI ? request.uai : null;
        return Notice.toDeciders(request.id, step.role(), uai, step.label() + (uai == null ? "" : " (" + uai + ")"),
                subject, body, at);
    }

    private String statusBody(HrRequest request, RequestEvent event, String status) {
        List<String> lines = new ArrayList<>();
        lines.add("Votre demande n° " + request.number + " — " + request.type.label + " — est " + status + ".");
        if (event.kind != RequestEvent.Kind.SUBMITTED && event.kind != RequestEvent.Kind.RESUBMITTED) {
            lines.add("Par " + event.actorName + (event.onBehalfOf == null ? "" : ", par délégation de "
                    + event.onBehalfOf) + ", le " + FrenchDates.dayAndTime(event.at) + ".");
        }
        if (event.comment != null) {
            lines.add((event.kind == RequestEvent.Kind.REFUSED ? "Motif : " : event.kind == RequestEvent.Kind.RETURNED
                    ? "À compléter : " : "Commentaire : ") + event.comment);
        }
        if (request.currentStep() != null) {
            lines.add("Elle attend maintenant : « " + request.currentStep().label() + " », au plus tard le "
                    + FrenchDates.day(request.dueAt) + ".");
        }
        if (event.kind == RequestEvent.Kind.RETURNED) {
            lines.add("Complétez-la puis déposez-la de nouveau : elle reprendra à cette étape.");
        }
        lines.addAll(List.of("", "Pour la consulter : " + link(request), "", SIGNATURE));
        return String.join("\n", lines);
    }

    /** The request's page in the portal (after sign-in, if the session has ended). */
    private String link(HrRequest request) {
        return config.publicUrl().replaceAll("/+$", "") + "/demarches/" + request.id;
    }
}

package fr.academie.colibris.request;

import fr.academie.colibris.catalogue.AttachmentSpec;
import fr.academie.colibris.catalogue.Campaign;
import fr.academie.colibris.catalogue.Step;
import fr.academie.common.problem.ProblemException;

import java.util.Map;

/** The problems of a request's life, each with its stable type and a French detail a person can act on. */
public final class RequestProblems {

    private static final Map<RequestStatus, String> STATUS = Map.of(RequestStatus.DRAFT, "un brouillon",
            RequestStatus.IN_REVIEW, "en cours d'examen", RequestStatus.RETURNED, "à compléter",
            RequestStatus.APPROVED, "acceptée", RequestStatus.REFUSED, "refusée", RequestStatus.WITHDRAWN, "retirée");

    private RequestProblems() {
    }

    /** Someone else's request, or none: the caller cannot tell the two apart. */
    public static ProblemException notFound() {
        return ProblemException.notFound("urn:portail:colibris:request-not-found", "Cette démarche n'existe pas.");
    }

    static ProblemException notNow(String action, RequestStatus status) {
        return ProblemException.conflict("urn:portail:colibris:transition-refused", "Action impossible",
                "Cette démarche est " + STATUS.get(status) + " : il n'est pas possible de la " + action + ".", "status");
    }

    static ProblemException notTheOwner(String action) {
        return new ProblemException("urn:portail:colibris:not-the-owner", "Action réservée", 403,
                "Seule la personne qui a fait la demande peut la " + action + ".", null);
    }

    static ProblemException notYourStep(Step step) {
        return new ProblemException("urn:portail:colibris:not-your-step", "Action réservée", 403,
                "Cette démarche attend l'étape « " + step.label() + " », qui ne vous revient pas.", null);
    }

    static ProblemException commentRequired(String detail) {
        return ProblemException.invalid("urn:portail:colibris:comment-required", "comment", detail);
    }

    static ProblemException campaignClosed(String type, Campaign nearest) {
        String detail = nearest == null ? "Aucune campagne de « " + type + " » n'est ouverte : la demande ne peut pas être déposée."
                : "La demande de « " + type + " » se dépose pendant la campagne « " + nearest.label + " », ouverte "
                + nearest.window() + ".";
        return ProblemException.unprocessable("urn:portail:colibris:campaign-closed", "Campagne fermée", detail, "type");
    }

    static ProblemException missingPiece(AttachmentSpec piece) {
        return ProblemException.unprocessable("urn:portail:colibris:missing-attachment", "Pièce justificative manquante",
                "Joignez « " + piece.label() + " » avant de déposer la demande.", "attachments." + piece.code());
    }

    static ProblemException unknownPiece(String type) {
        return ProblemException.invalid("urn:portail:colibris:unknown-piece", "piece",
                "Cette pièce justificative n'est pas demandée pour « " + type + " ».");
    }

    static ProblemException notYourUpload() {
        return ProblemException.invalid("urn:portail:colibris:unknown-attachment", "attachments",
                "Une des pièces jointes n'est pas l'une de celles que vous venez d'ajouter : ajoutez-la de nouveau.");
    }

    static ProblemException notSubmittedYet() {
        return ProblemException.conflict("urn:portail:colibris:transition-refused", "Action impossible",
                "Cette démarche est un brouillon : les échanges commencent une fois la demande déposée.", "status");
    }

    static ProblemException notesAreTheDecidersOwn() {
        return ProblemException.invalid("urn:portail:colibris:private-note-refused", "privateNote",
                "Les notes privées sont réservées aux personnes qui instruisent la demande : votre message leur sera "
                        + "adressé normalement si vous décochez « note privée ».");
    }

    public static ProblemException changed() {
        return ProblemException.conflict("urn:portail:colibris:request-changed", "Demande modifiée entre-temps",
                "Quelqu'un a agi sur cette démarche pendant que vous la consultiez. Rechargez-la pour voir où elle en est.",
                "version");
    }
}

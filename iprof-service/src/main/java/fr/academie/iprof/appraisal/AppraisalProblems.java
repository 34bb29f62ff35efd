package fr.academie.iprof.appraisal;

import fr.academie.common.problem.ProblemException;

import static fr.academie.common.date.FrenchDates.day;

/** The refusals of the appraisal rules, in French, with the dates a person needs. */
final class AppraisalProblems {

    private AppraisalProblems() {
    }

    static ProblemException notNotifiedYet() {
        return ProblemException.conflict("urn:portail:iprof:report-not-notified", "Délai non ouvert",
                "Le compte rendu ne vous a pas encore été notifié : vous pourrez formuler vos observations pendant "
                        + Window.OBSERVATION_DAYS + " jours à compter de sa notification.", "observations");
    }

    static ProblemException observationWindowClosed(Window window) {
        return ProblemException.conflict("urn:portail:iprof:observation-window-closed", "Délai clos",
                "Le délai pour formuler des observations est clos : il courait du " + day(window.opensOn())
                        + " au " + day(window.closesOn()) + " inclus (" + Window.OBSERVATION_DAYS
                        + " jours après la notification du compte rendu).", "observations");
    }

    static ProblemException concurrentChange() {
        return ProblemException.conflict("urn:portail:iprof:concurrent-change", "Modification concurrente",
                "Ce rendez-vous de carrière a été modifié entre-temps par une autre personne : rechargez-le avant "
                        + "de l'enregistrer.", "version");
    }

    static ProblemException notFound() {
        return ProblemException.notFound("urn:portail:iprof:appraisal-not-found",
                "Ce rendez-vous de carrière n'existe pas dans votre dossier.");
    }
}

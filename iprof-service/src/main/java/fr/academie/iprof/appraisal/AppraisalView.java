package fr.academie.iprof.appraisal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A rendez-vous de carrière as its readers see it, with the person's two windows: observations (null until the
 * report is notified) and appeal (null until the final appraisal is notified).
 */
public record AppraisalView(UUID id, UUID agentId, String agentName, LocalDate heldOn, List<String> evaluators,
                            String report, LocalDate notifiedOn, String observations, Instant observationsAt,
                            String finalAppraisal, String finalAppraisalLabel, LocalDate finalNotifiedOn,
                            Window observationWindow, Window appealWindow, int version) {

    static AppraisalView of(Appraisal appraisal, String agentName, LocalDate today) {
        return new AppraisalView(appraisal.id, appraisal.agentId, agentName, appraisal.heldOn,
                appraisal.evaluators.stream().map(evaluator -> evaluator.name).toList(), appraisal.report,
                appraisal.notifiedOn, appraisal.observations, appraisal.observationsAt, appraisal.finalAppraisal,
                label(appraisal.finalAppraisal), appraisal.finalNotifiedOn,
                appraisal.notifiedOn == null ? null : Window.after(appraisal.notifiedOn, Window.OBSERVATION_DAYS, today),
                appraisal.finalNotifiedOn == null ? null : Window.after(appraisal.finalNotifiedOn, Window.APPEAL_DAYS, today),
                appraisal.version);
    }

    static String label(String finalAppraisal) {
        return finalAppraisal == null ? null : switch (finalAppraisal) {
            case "a-consolider" -> "À consolider";
            case "satisfaisant" -> "Satisfaisant";
            case "tres-satisfaisant" -> "Très satisfaisant";
            case "excellent" -> "Excellent";
            default -> finalAppraisal;
        };
    }
}

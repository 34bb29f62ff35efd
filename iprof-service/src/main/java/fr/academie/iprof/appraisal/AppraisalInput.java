package fr.academie.iprof.appraisal;

import fr.academie.common.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A rendez-vous de carrière as HR enters it, then completes it: the report and its notification, the final appraisal
 * and its notification. {@code version} is the one HR read, when changing one (a concurrent change is refused).
 */
public record AppraisalInput(
        @NotNull(message = "la date du rendez-vous est obligatoire") LocalDate heldOn,
        @NotEmpty(message = "indiquez au moins un évaluateur") List<@Valid Evaluator> evaluators,
        @Size(max = 20_000, message = "le compte rendu ne peut dépasser 20 000 caractères") String report,
        LocalDate notifiedOn,
        @Pattern(regexp = "a-consolider|satisfaisant|tres-satisfaisant|excellent",
                message = "l'appréciation finale doit être a-consolider, satisfaisant, tres-satisfaisant ou excellent") String finalAppraisal,
        LocalDate finalNotifiedOn,
        Integer version) {

    /** An evaluator: académie identifier (what lets an inspector find it) and name. */
    public record Evaluator(
            @NotBlank(message = "l'identifiant de l'évaluateur est obligatoire")
            @Size(max = 64, message = "l'identifiant de l'évaluateur ne peut dépasser 64 caractères") String identifier,
            @NotBlank(message = "le nom de l'évaluateur est obligatoire")
            @Size(max = 255, message = "le nom de l'évaluateur ne peut dépasser 255 caractères") String name) {
    }

    /** The dates must follow one another: rendez-vous, report notified, final appraisal notified. */
    void check() {
        if (notifiedOn != null && notifiedOn.isBefore(heldOn)) {
            throw invalid("notifiedOn", "Le compte rendu ne peut pas être notifié avant le rendez-vous.");
        }
        if ((finalAppraisal == null) != (finalNotifiedOn == null)) {
            throw invalid(finalAppraisal == null ? "finalAppraisal" : "finalNotifiedOn",
                    "L'appréciation finale et sa date de notification vont ensemble.");
        }
        if (finalNotifiedOn != null && (notifiedOn == null || finalNotifiedOn.isBefore(notifiedOn))) {
            throw invalid("finalNotifiedOn", "L'appréciation finale est notifiée après le compte rendu.");
        }
    }

    private static ProblemException invalid(String field, String detail) {
        return ProblemException.invalid("urn:portail:iprof:invalid-appraisal", field, detail);
    }
}

package fr.academie.iprof.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** HR's change to a record's career data, field by field as in the agents import (the identifier stays). */
public record CareerInput(
        @NotBlank(message = "le nom est obligatoire")
        @Size(max = 255, message = "le nom ne peut dépasser 255 caractères") String lastName,
        @NotBlank(message = "le prénom est obligatoire")
        @Size(max = 255, message = "le prénom ne peut dépasser 255 caractères") String firstName,
        @Pattern(regexp = "titulaire|stagiaire|contractuel", message = "le statut doit être titulaire, stagiaire ou contractuel") String status,
        @NotBlank(message = "le corps est obligatoire")
        @Size(max = 255, message = "le corps ne peut dépasser 255 caractères") String corps,
        @Size(max = 255, message = "la discipline ne peut dépasser 255 caractères") String discipline,
        @NotBlank(message = "le grade est obligatoire")
        @Size(max = 255, message = "le grade ne peut dépasser 255 caractères") String grade,
        @NotNull(message = "l'échelon est obligatoire") @Min(value = 1, message = "l'échelon est entre 1 et 11")
        @Max(value = 11, message = "l'échelon est entre 1 et 11") Integer echelon,
        @NotNull(message = "la date d'effet de l'échelon est obligatoire") LocalDate echelonSince,
        @Min(value = 1, message = "l'indice majoré est entre 1 et 2 000")
        @Max(value = 2000, message = "l'indice majoré est entre 1 et 2 000") Integer indiceMajore,
        @Valid School school) {

    /** The current assignment. */
    public record School(
            @NotNull(message = "l'UAI est obligatoire") @Pattern(regexp = "[0-9]{7}[A-Z]",
                    message = "l'UAI s'écrit 7 chiffres et une lettre majuscule, comme 0450042K") String uai,
            @NotBlank(message = "le nom de l'établissement est obligatoire")
            @Size(max = 255, message = "le nom de l'établissement ne peut dépasser 255 caractères") String name,
            @Size(max = 255, message = "la commune ne peut dépasser 255 caractères") String commune,
            @NotNull(message = "la date d'affectation est obligatoire") LocalDate since) {
    }

    CareerData toData(String identifier) {
        return new CareerData(identifier, lastName.strip(), firstName.strip(), status == null ? "titulaire" : status,
                corps.strip(), discipline == null || discipline.isBlank() ? null : discipline.strip(), grade.strip(), echelon,
                echelonSince, indiceMajore,
                school == null ? null : new CareerData.School(school.uai(), school.name().strip(), school.commune(), school.since()));
    }
}

package fr.academie.colibris.delegation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** To whom (their identifier), which of the caller's deciding roles, from and to which day (Paris, included). */
public record NewDelegation(@NotBlank(message = "indiquez l'identifiant de la personne (ex. mdupont)") String delegate,
                            @NotBlank(message = "indiquez le rôle délégué") String role,
                            @NotNull(message = "indiquez le premier jour") LocalDate from,
                            @NotNull(message = "indiquez le dernier jour") LocalDate to) {
}

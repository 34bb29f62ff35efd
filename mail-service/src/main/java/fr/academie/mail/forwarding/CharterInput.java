package fr.academie.mail.forwarding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The version of the charter the person read and accepts (a version changed meanwhile is refused). */
public record CharterInput(
        @NotBlank(message = "indiquez la version de la charte acceptée")
        @Size(max = 40, message = "la version de la charte a 40 caractères au plus") String version) {
}

package fr.academie.mail.signin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new application password, named after the device it is for ("Téléphone de Léna"). */
public record AppPasswordInput(
        @NotBlank(message = "le nom de l'appareil est obligatoire")
        @Size(max = 100, message = "le nom de l'appareil ne peut dépasser 100 caractères")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "le nom de l'appareil ne peut contenir de caractère de contrôle")
        String name) {
}

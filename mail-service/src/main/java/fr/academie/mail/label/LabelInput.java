package fr.academie.mail.label;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A label as the person names and colours it. */
public record LabelInput(
        @NotBlank(message = "le nom de l'étiquette est obligatoire")
        @Size(max = 50, message = "le nom de l'étiquette ne peut dépasser 50 caractères")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "le nom de l'étiquette ne peut contenir de caractère de contrôle")
        String name,
        @NotNull(message = "la couleur est obligatoire")
        @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "la couleur s'écrit #rrvvbb, par exemple #d93025")
        String color) {
}

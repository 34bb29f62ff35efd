package fr.academie.mail.signature;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A signature as the person writes it; HTML is sanitised when kept. */
public record SignatureInput(
        @NotBlank(message = "le nom de la signature est obligatoire")
        @Size(max = 100, message = "le nom de la signature ne peut dépasser 100 caractères")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "le nom de la signature ne peut contenir de caractère de contrôle")
        String name,
        @NotNull(message = "le texte de la signature est obligatoire")
        @Size(max = 10_000, message = "une signature ne peut dépasser 10 000 caractères")
        String bodyHtml,
        boolean defaultNew,
        boolean defaultReply) {
}

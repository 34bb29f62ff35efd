package fr.academie.mail.autoreply;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDateTime;

/**
 * The auto-reply as the person sets it: on or off, from and until (date and time in Paris, either may be left open),
 * a subject, the text for senders of the académie, another for the rest (empty: the same), every how many days a
 * sender is answered again (7 when not said).
 */
public record AutoReplyInput(
        boolean enabled,
        LocalDateTime startsAt,
        LocalDateTime endsAt,
        @NotBlank(message = "l'objet de la réponse automatique est obligatoire")
        @Size(max = 200, message = "l'objet ne peut dépasser 200 caractères")
        @Pattern(regexp = "[^\\x00-\\x1f]*", message = "l'objet ne peut contenir de caractère de contrôle")
        String subject,
        @NotBlank(message = "le texte de la réponse automatique est obligatoire")
        @Size(max = 10_000, message = "le texte ne peut dépasser 10 000 caractères")
        @Pattern(regexp = "[^\\x00]*", message = "le texte ne peut contenir de caractère nul")
        String internalText,
        @Size(max = 10_000, message = "le texte ne peut dépasser 10 000 caractères")
        @Pattern(regexp = "[^\\x00]*", message = "le texte ne peut contenir de caractère nul")
        String externalText,
        @Min(value = 1, message = "une même personne reçoit la réponse au plus une fois par jour")
        @Max(value = 30, message = "une même personne reçoit de nouveau la réponse au bout de 30 jours au plus")
        Integer days) {
}

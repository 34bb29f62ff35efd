package fr.academie.mail.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A message another service drops in a person's inbox. {@code key} makes it idempotent: the same caller
 * sending the same key again delivers nothing new. {@code recipient} is the person's account id (token subject).
 */
public record NotificationRequest(
        @NotBlank(message = "la clé d'idempotence est obligatoire")
        @Size(max = 255, message = "la clé d'idempotence ne peut dépasser 255 caractères") String key,
        @NotBlank(message = "le destinataire est obligatoire")
        @Size(max = 64, message = "le destinataire ne peut dépasser 64 caractères") String recipient,
        @NotBlank(message = "l'objet est obligatoire")
        @Size(max = 998, message = "l'objet ne peut dépasser 998 caractères") String subject,
        @NotBlank(message = "le texte est obligatoire")
        @Size(max = 100_000, message = "le texte ne peut dépasser 100 000 caractères") String text,
        @Size(max = 255, message = "le nom de l'expéditeur ne peut dépasser 255 caractères") String senderName) {
}

package fr.academie.mail.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A message another service drops in a person's inbox. {@code key} makes it idempotent: the same caller
 * sending the same key again delivers nothing new. {@code recipient} is the person's account id (token subject).
 */
public record NotificationRequest(
        @NotBlank(message = "la clé d'idempotence est obligatoire") @Size(max = 255) String key,
        @NotBlank(message = "le destinataire est obligatoire") @Size(max = 64) String recipient,
        @NotBlank(message = "l'objet est obligatoire") @Size(max = 998) String subject,
        @NotBlank(message = "le texte est obligatoire") @Size(max = 100_000) String text,
        @Size(max = 255) String senderName) {
}

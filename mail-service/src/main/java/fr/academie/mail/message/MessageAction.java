package fr.academie.mail.message;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * One action on a selection of the caller's messages (one or many). {@code folderId} is the destination of a
 * {@code MOVE}, {@code labelId} the label a {@code LABEL} puts on and an {@code UNLABEL} takes off.
 * {@code REPORT_PHISHING} moves to Indésirables and sends each message to the académie's security team;
 * {@code NOT_JUNK} moves back to the inbox and trusts each sender. All of the selection or nothing: a message that is not the caller's refuses the whole request.
 */
public record MessageAction(
        @NotNull(message = "l'action est obligatoire") Kind action,
        @NotEmpty(message = "la sélection est vide") @Size(max = 1000, message = "une action porte sur 1 000 messages au plus")
        List<@NotNull(message = "la sélection contient un message vide") UUID> ids,
        UUID folderId,
        UUID labelId) {

    public enum Kind {
        READ, UNREAD, FLAG, UNFLAG, MOVE, ARCHIVE, TRASH, RESTORE, DELETE_FOREVER, LABEL, UNLABEL, REPORT_PHISHING, NOT_JUNK
    }
}

package fr.academie.mail.rules;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** "Appliquer aux messages existants": the saved rules, on the last {@code limit} messages of a folder (200 when not said). */
public record ApplicationInput(
        @NotNull(message = "choisissez le dossier auquel appliquer les règles") UUID folderId,
        @Min(value = 1, message = "appliquez les règles à au moins un message")
        @Max(value = 1000, message = "les règles s'appliquent aux 1 000 derniers messages au plus") Integer limit) {

    int count() {
        return limit == null ? 200 : limit;
    }
}

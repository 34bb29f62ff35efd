package fr.academie.mail.rules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * "Tester sur mes messages": rules not saved yet (the editor's, or a script), tried on the last {@code limit}
 * messages of one of the person's folders (50 when not said).
 */
public record TrialInput(
        @Size(max = 65_536, message = "le script des règles ne peut dépasser 65 536 caractères")
        @Pattern(regexp = "[^\\x00]*", message = "le script des règles ne peut contenir de caractère nul")
        String script,
        @Size(max = 200, message = "un jeu de règles en compte 200 au plus") List<@NotNull(message = "une règle est vide") @Valid Rule> rules,
        @NotNull(message = "choisissez le dossier sur lequel essayer les règles") UUID folderId,
        @Min(value = 1, message = "essayez les règles sur au moins un message")
        @Max(value = 200, message = "les règles s'essaient sur les 200 derniers messages au plus") Integer limit) {

    int count() {
        return limit == null ? 50 : limit;
    }
}

package fr.academie.mail.rules;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The person's rules as they save them: the Sieve script, and whether they are all suspended. */
public record RulesInput(
        @NotNull(message = "le script des règles est obligatoire (vide : aucune règle)")
        @Size(max = 65_536, message = "le script des règles ne peut dépasser 65 536 caractères")
        @Pattern(regexp = "[^\\x00]*", message = "le script des règles ne peut contenir de caractère nul")
        String script,
        boolean suspended) {
}

package fr.academie.mail.rules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The person's rules as they save them: either the editor's rules (written as Sieve here) or the Sieve script of
 * the advanced tab, and whether they are all suspended.
 */
public record RulesInput(
        @Size(max = 65_536, message = "le script des règles ne peut dépasser 65 536 caractères")
        @Pattern(regexp = "[^\\x00]*", message = "le script des règles ne peut contenir de caractère nul")
        String script,
        @Size(max = 200, message = "un jeu de règles en compte 200 au plus") List<@NotNull(message = "une règle est vide") @Valid Rule> rules,
        boolean suspended) {
}

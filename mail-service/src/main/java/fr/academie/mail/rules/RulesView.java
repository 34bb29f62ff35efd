package fr.academie.mail.rules;

import java.time.Instant;
import java.util.List;

/**
 * The person's rules as the editor shows them: the script, the same as the editor's rules (null when the script
 * says something the editor cannot show: the advanced tab then edits it), whether they are suspended, when they
 * last changed (null: never), and the Sieve extensions a script may require here.
 */
public record RulesView(String script, List<Rule> rules, boolean suspended, Instant updatedAt, List<String> extensions) {
}

package fr.academie.mail.rules;

import java.time.Instant;
import java.util.List;

/**
 * The person's rules as the editor shows them: the script, the same as the editor's rules (null when the script
 * says something the editor cannot show: the advanced tab then edits it), whether they are suspended, when they
 * last changed (null: never), the Sieve extensions a script may require here, and the first time since then that
 * the script could not run on a message (null: never).
 */
public record RulesView(String script, List<Rule> rules, boolean suspended, Instant updatedAt, List<String> extensions,
                        Failure failure) {

    /** Why the script could not run, at which line (0: unknown), when ("le jeudi 3 décembre 2026 à 9 h 30"). */
    public record Failure(int line, String detail, Instant at, String when) {
    }
}

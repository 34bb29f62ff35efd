package fr.academie.mail.message;

/**
 * What one of the person's rules did to a message at delivery, kept with it for the reading pane: the rule's name
 * (the {@code # rule:[...]} comment above it, as Roundcube writes them; null without one), the script line of the
 * action, and the action in French ("classé dans « Fiscalité »"). An action that could not be done says so instead,
 * and the message stayed where it would have gone without it.
 */
public record RuleTrace(String rule, int line, String action) {
}

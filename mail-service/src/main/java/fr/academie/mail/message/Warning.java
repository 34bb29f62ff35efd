package fr.academie.mail.message;

/**
 * One reason a message looks dangerous, as the reading pane shows it: a stable code, a French sentence that names
 * what was seen, and how much it weighs towards Indésirables.
 */
public record Warning(String code, String detail, int weight) {
}

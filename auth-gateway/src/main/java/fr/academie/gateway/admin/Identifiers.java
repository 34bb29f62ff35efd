package fr.academie.gateway.admin;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The académie's rule for a new account's names (DESIGN.md): the identifier is the first name's initial and the
 * whole last name, particles included ("Jean de La Fontaine" → {@code jdelafontaine}); the address is
 * {@code prenom.nom@ac-orleans-tours.fr} with the same letters, where spaces and hyphens become one hyphen
 * ({@code jean.de-la-fontaine}). Lower case, accents and ligatures spelled out, apostrophes and anything else
 * dropped. A name already taken gets the next free number: {@code lmartin}, {@code lmartin2}, {@code lmartin3}.
 */
public final class Identifiers {

    public static final String DOMAIN = "ac-orleans-tours.fr";
    /** Letters that Unicode decomposition does not reduce to ASCII. */
    private static final Map<String, String> SPELLED_OUT = Map.of("œ", "oe", "æ", "ae", "ß", "ss", "ø", "o",
            "đ", "d", "ł", "l", "þ", "th", "ı", "i");

    private Identifiers() {
    }

    /** The identifier and address chosen for a new account. */
    public record NewIdentity(String identifier, String email) {
    }

    /** Chooses the first free identifier and the first free address for the names. */
    public static NewIdentity choose(String firstName, String lastName, Predicate<String> identifierTaken,
                                     Predicate<String> emailTaken) {
        if (letters(firstName, "").isEmpty() || letters(lastName, "").isEmpty()) {
            throw new IllegalArgumentException("a first name and a last name with at least one letter each");
        }
        String identifier = firstFree(identifierBase(firstName, lastName), identifierTaken);
        String local = firstFree(emailBase(firstName, lastName), candidate -> emailTaken.test(candidate + "@" + DOMAIN));
        return new NewIdentity(identifier, local + "@" + DOMAIN);
    }

    /** {@code lmartin} for Léna Martin; empty when the names hold no letter. */
    static String identifierBase(String firstName, String lastName) {
        String first = letters(firstName, "");
        return (first.isEmpty() ? "" : first.substring(0, 1)) + letters(lastName, "");
    }

    /** {@code lena.martin} for Léna Martin. */
    static String emailBase(String firstName, String lastName) {
        return letters(firstName, "-") + "." + letters(lastName, "-");
    }

    private static String firstFree(String base, Predicate<String> taken) {
        if (!taken.test(base)) {
            return base;
        }
        for (int number = 2; ; number++) {
            if (!taken.test(base + number)) {
                return base + number;
            }
        }
    }

    /** Lower-case ASCII letters only; spaces and hyphens become {@code separator} (never doubled, never at an end). */
    static String letters(String name, String separator) {
        String lower = name == null ? "" : name.strip().toLowerCase(Locale.FRENCH);
        for (Map.Entry<String, String> letter : SPELLED_OUT.entrySet()) {
            lower = lower.replace(letter.getKey(), letter.getValue());
        }
        String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String words = plain.replaceAll("[\\s\\-‐‑–—_]+", " ").replaceAll("[^a-z ]", "").strip();
        return words.replaceAll(" +", separator);
    }
}

package fr.academie.mail.imap;

import java.text.Normalizer;

/**
 * The IMAP keyword a label is known by. A keyword is an atom of printable ASCII (RFC 3501 §9: no space, no brackets,
 * no quotes, no wildcards): a label's name loses its accents and every other character an atom cannot hold becomes
 * "_" ("Conseil de classe" → "Conseil_de_classe", "Réunion" → "Reunion"). A keyword set by a client is a label's when
 * it is that label's keyword, whatever its case.
 */
final class Keywords {

    private static final String ATOM_SPECIALS = "(){ %*\"\\]";

    private Keywords() {
    }

    static String of(String label) {
        String plain = unaccented(label);
        StringBuilder keyword = new StringBuilder(plain.length());
        for (char c : plain.toCharArray()) {
            keyword.append(c > ' ' && c < 0x7f && ATOM_SPECIALS.indexOf(c) < 0 ? c : '_');
        }
        return keyword.toString();
    }

    /** The text without its accents ("Réunion" → "Reunion"). */
    static String unaccented(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}

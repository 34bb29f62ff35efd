package fr.academie.gateway.admin;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Temporary passwords for new accounts: 16 characters from a cryptographic generator, at least one of each kind
 * the realm's policy asks for (upper, lower, digit, special), without the characters people misread on a printed
 * letter (0/O, 1/l/I). About 95 bits; the person must replace it at the first sign-in.
 */
final class TemporaryPasswords {

    private static final String UPPER = "ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SPECIAL = "-+=@#%*!?";
    private static final String ALL = UPPER + LOWER + DIGITS + SPECIAL;
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    static String generate() {
        List<Character> characters = new ArrayList<>();
        for (String kind : List.of(UPPER, LOWER, DIGITS, SPECIAL)) {
            characters.add(pick(kind));
        }
        while (characters.size() < LENGTH) {
            characters.add(pick(ALL));
        }
        Collections.shuffle(characters, RANDOM);
        StringBuilder password = new StringBuilder(LENGTH);
        characters.forEach(password::append);
        return password.toString();
    }

    private static char pick(String from) {
        return from.charAt(RANDOM.nextInt(from.length()));
    }
}

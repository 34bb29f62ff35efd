package fr.academie.mail.managesieve;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a ManageSieve command (RFC 5804 section 4): its atoms, numbers and quoted strings, and the size in
 * octets of the literal that follows it when it ends with one ({@code {n+}}, or {@code {n}}, which some clients send).
 * A quoted string longer than RFC 5804's 1,024 octets is read all the same (a client sending an access token so is
 * understood); the line's own limit bounds it.
 */
record CommandLine(List<Token> tokens, long literal) {

    static final long NO_LITERAL = -1;
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d{1,10})\\+?}");

    /** A word of the command: a command name or keyword, a number, or a string (quoted, or a literal's text). */
    record Token(Kind kind, String text) {
        enum Kind { ATOM, NUMBER, STRING }

        static Token string(String text) {
            return new Token(Kind.STRING, text);
        }
    }

    /** What is wrong with the line, in French: the client shows it. */
    static final class Malformed extends Exception {
        Malformed(String why) {
            super(why, null, false, false);
        }
    }

    /** The line's words, its CRLF already taken off. */
    static CommandLine parse(byte[] line) throws Malformed {
        String text = utf8(line);
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                StringBuilder quoted = new StringBuilder();
                i = quoted(text, i + 1, quoted);
                tokens.add(Token.string(quoted.toString()));
            } else if (c == '{') {
                Matcher literal = LITERAL.matcher(text).region(i, text.length());
                if (!literal.matches()) {
                    throw new Malformed("littéral mal formé (attendu : {taille+} en fin de ligne)");
                }
                return new CommandLine(tokens, Long.parseLong(literal.group(1)));
            } else {
                int end = text.indexOf(' ', i) < 0 ? text.length() : text.indexOf(' ', i);
                tokens.add(atom(text.substring(i, end)));
                i = end;
            }
        }
        return new CommandLine(tokens, NO_LITERAL);
    }

    /** Decodes UTF-8 strictly: a text that is not is refused rather than changed. */
    static String utf8(byte[] bytes) throws Malformed {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("texte qui n'est pas de l'UTF-8");
        }
    }

    /** Reads a quoted string's content from {@code start} into {@code into}; returns the index after its closing quote. */
    private static int quoted(String text, int start, StringBuilder into) throws Malformed {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 == text.length() || (text.charAt(i + 1) != '"' && text.charAt(i + 1) != '\\')) {
                    throw new Malformed("dans une chaîne, \\ ne peut précéder que \" ou \\");
                }
                c = text.charAt(++i);
            } else if (c == 0) {
                throw new Malformed("caractère nul dans une chaîne");
            }
            into.append(c);
        }
        throw new Malformed("guillemet fermant manquant");
    }

    private static Token atom(String word) throws Malformed {
        if (word.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (word.length() > 18) {
                throw new Malformed("nombre trop grand : " + word.substring(0, 18) + "…");
            }
            return new Token(Token.Kind.NUMBER, word);
        }
        if (word.length() > 64 || !word.chars().allMatch(c -> c > ' ' && c < 127 && "\"{}()\\%*".indexOf(c) < 0)) {
            throw new Malformed("mot inattendu" + (word.length() <= 64 && word.chars().allMatch(c -> c >= ' ')
                    ? " : " + word : ""));
        }
        return new Token(Token.Kind.ATOM, word);
    }
}

package fr.academie.mail.managesieve;

import fr.academie.mail.managesieve.CommandLine.Token;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommandLineTest {

    private static CommandLine parse(String line) throws CommandLine.Malformed {
        return CommandLine.parse(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wordsNumbersAndQuotedStringsWithTheirEscapes() throws Exception {
        CommandLine line = parse("HAVESPACE \"mes \\\"règles\\\" \\\\ à moi\" 1234");
        assertEquals(List.of(new Token(Token.Kind.ATOM, "HAVESPACE"), Token.string("mes \"règles\" \\ à moi"),
                new Token(Token.Kind.NUMBER, "1234")), line.tokens());
        assertEquals(CommandLine.NO_LITERAL, line.literal());
        assertEquals(List.of(Token.string("")), parse("\"\"").tokens(), "an empty string");
    }

    @Test
    void aLiteralAtTheEndOfTheLineGivesItsSizeInOctets() throws Exception {
        assertEquals(42, parse("PUTSCRIPT \"regles\" {42+}").literal());
        assertEquals(7, parse("CHECKSCRIPT {7}").literal(), "the synchronising form, which some clients send");
        assertEquals(List.of(new Token(Token.Kind.ATOM, "PUTSCRIPT"), Token.string("regles")),
                parse("PUTSCRIPT \"regles\" {42+}").tokens());
    }

    @Test
    void malformedLinesAreRefusedWithTheirReason() {
        for (String line : List.of("GETSCRIPT \"sans fin", "GETSCRIPT \"a\\b\"", "PUTSCRIPT {12+} \"apres\"",
                "PUTSCRIPT {-1+}", "PUTSCRIPT {99999999999+}", "GET(SCRIPT", "HAVESPACE \"x\" 9999999999999999999",
                "NOOP \"a\u0000\"")) {
            assertThrows(CommandLine.Malformed.class, () -> parse(line), line);
        }
        assertThrows(CommandLine.Malformed.class, () -> CommandLine.parse(new byte[]{'N', 'O', (byte) 0xC3, 0x28}),
                "not UTF-8");
    }
}

package fr.academie.mail.authenticity;

import org.apache.james.jdkim.impl.Message;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** DKIM's view of a message read straight from its bytes is the one jDKIM's own reader (mime4j's DOM) gives. */
class DkimInputTest {

    @Test
    void fieldsAndBodyAreWhatJdkimsOwnReaderSees() throws Exception {
        for (String message : List.of(
                "DKIM-Signature: v=1; a=rsa-sha256; d=exemple.fr;\r\n\ts=s1; h=from:to; bh=abc=;\r\n b=def=\r\n"
                        + "From: Parent <parent@exemple.fr>\r\nTo: lena.martin@ac-orleans-tours.fr\r\n"
                        + "Subject: =?utf-8?q?Absence?=\r\n\r\nBonjour,\r\n\r\nLucas est malade.\r\n\r\n\r\n",
                "From: a@exemple.fr\nSubject: line ends of a Unix mailer\n\nbody\nsecond line\n",
                "From: a@exemple.fr\r\nX-Vide:\r\nSubject: Réunion à 8h\r\n\r\nCorps accentué : é\r\n",
                "From: a@exemple.fr\r\nSubject: no body\r\n",
                "From: a@exemple.fr\r\n\r\n",
                "From: a@exemple.fr\rSubject: old Mac line ends\r\rbody\r\r\n\n\rend")) {
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            Message reference = new Message(new ByteArrayInputStream(bytes));
            DkimInput input = DkimInput.of(new ByteArrayInputStream(bytes));

            assertEquals(reference.getFields(), input.getFields(), message);
            assertEquals(reference.getFields("dkim-signature"), input.getFields("DKIM-Signature"), message);
            assertEquals(reference.getFields("subject"), input.getFields("Subject"), message);
            assertArrayEquals(all(reference.getBodyInputStream()), all(input.body()), message);
        }
    }

    @Test
    void lineEndsAreMadeCrlfAsMime4jDoesWhateverTheBuffersCut() throws Exception {
        java.util.Random random = new java.util.Random(42);
        byte[] alphabet = {'\r', '\n', 'a', ' '};
        for (int round = 0; round < 500; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            byte[] expected = all(new org.apache.james.mime4j.io.EOLConvertingInputStream(new ByteArrayInputStream(bytes)));
            int chunk = 1 + random.nextInt(3);
            InputStream trickling = new java.io.FilterInputStream(new ByteArrayInputStream(bytes)) {
                @Override
                public int read(byte[] b, int off, int len) throws java.io.IOException {
                    return super.read(b, off, Math.min(len, chunk)); // a few bytes per read: CR and LF fall apart
                }
            };
            assertArrayEquals(expected, all(new DkimInput.Crlf(trickling)), java.util.Arrays.toString(bytes));
        }
    }

    private static byte[] all(InputStream in) throws Exception {
        try (in) {
            return in.readAllBytes();
        }
    }
}

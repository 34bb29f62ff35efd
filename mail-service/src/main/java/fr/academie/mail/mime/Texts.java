package fr.academie.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Text of a body part in the charset it declares. Real mail lies about charsets or omits them: an unknown or
 * absent one is read as UTF-8 when the bytes are valid UTF-8, else as Windows-1252 (what Outlook and most
 * French senders use), which decodes any byte; bytes invalid in a declared charset become U+FFFD.
 */
final class Texts {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Texts() {
    }

    static String decode(InputStream content, String declared, int maxChars) throws IOException {
        byte[] bytes = content.readNBytes(maxChars * 4);
        content.transferTo(OutputStream.nullOutputStream()); // the rest stays in the source
        Charset charset = known(declared);
        String text;
        if (charset != null && !charset.equals(StandardCharsets.US_ASCII)) {
            text = new String(bytes, charset);
        } else {
            text = strictUtf8(bytes);
            if (text == null) {
                text = new String(bytes, WINDOWS_1252);
            }
        }
        return text.length() > maxChars ? text.substring(0, maxChars) : text;
    }

    private static Charset known(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            String cleaned = name.strip().replace("\"", "");
            // Windows-1252 is what "iso-8859-1" labelled mail almost always is (as browsers do, WHATWG Encoding)
            return cleaned.equalsIgnoreCase("iso-8859-1") || cleaned.equalsIgnoreCase("latin1")
                    ? WINDOWS_1252 : Charset.forName(cleaned);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

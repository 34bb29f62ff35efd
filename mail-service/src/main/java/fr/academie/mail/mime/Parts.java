package fr.academie.mail.mime;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;

import java.util.Map;

/** Names of attachments: from Content-Disposition, else Content-Type's name, decoded (RFC 2047 and RFC 2231). */
final class Parts {

    private static final Map<String, String> EXTENSIONS = Map.of(
            "message/rfc822", ".eml", "application/pdf", ".pdf", "image/png", ".png", "image/jpeg", ".jpg",
            "image/gif", ".gif", "text/calendar", ".ics", "text/plain", ".txt", "text/html", ".html");

    private Parts() {
    }

    static String fileName(MaximalBodyDescriptor body) {
        String name = body.getContentDispositionFilename();
        if (name == null || name.isBlank()) {
            name = body.getContentTypeParameters().get("name");
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        String decoded = DecoderUtil.decodeEncodedWords(name.strip(), DecodeMonitor.SILENT);
        // no path, no control characters: a name is shown and offered as a download name, never used as a path
        decoded = decoded.replaceAll("\\p{Cntrl}", "");
        decoded = decoded.substring(Math.max(decoded.lastIndexOf('/'), decoded.lastIndexOf('\\')) + 1).strip();
        return decoded.isEmpty() ? null : decoded.length() > 255 ? decoded.substring(0, 255) : decoded;
    }

    /** A part without a name: "piece-jointe-3.pdf", "message-transfere-2.eml". */
    static String defaultName(String mimeType, int index) {
        String stem = mimeType.equals("message/rfc822") ? "message-transfere-" : "piece-jointe-";
        return stem + (index + 1) + EXTENSIONS.getOrDefault(mimeType, ".bin");
    }
}

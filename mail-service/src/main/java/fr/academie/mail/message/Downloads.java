package fr.academie.mail.message;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** A Content-Disposition that every browser reads and none can be tricked by (RFC 6266, RFC 8187). */
public final class Downloads {

    private Downloads() {
    }

    public static String attachment(String fileName) {
        String name = fileName.replaceAll("[\\p{Cntrl}\"\\\\/]", "_").strip();
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\x20-\\x7e]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** A file name from a subject: what a person would recognise in their downloads folder. */
    public static String emlName(String subject) {
        String stem = subject == null ? "" : subject.replaceAll("[\\p{Cntrl}\"\\\\/:*?<>|]", " ").replaceAll("\\s+", " ").strip();
        if (stem.length() > 80) {
            stem = stem.substring(0, 80).strip();
        }
        return (stem.isEmpty() ? "message" : stem) + ".eml";
    }
}

package fr.academie.mail.message;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Set;

/**
 * Files handed to the browser: a Content-Disposition that every browser reads and none can be tricked by (RFC 6266,
 * RFC 8187), and the headers that keep a file from acting as a page of the portal.
 */
public final class Downloads {

    /** What a browser may show in the page: passive formats only (no HTML, no SVG). */
    static final Set<String> PREVIEWABLE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf");

    private Downloads() {
    }

    /**
     * A file of a message: downloaded, or shown in the page when asked ({@code inline}) and of a passive type; never
     * sniffed, and sandboxed (a PDF is shown by the browser's viewer, which a sandbox would stop).
     */
    static Response attachmentResponse(StreamingOutput body, String fileName, String contentType, boolean inline) {
        boolean previewable = PREVIEWABLE.contains(contentType);
        String disposition = attachment(fileName);
        return Response.ok(body, previewable ? contentType : "application/octet-stream")
                .header("Content-Disposition", inline && previewable
                        ? disposition.replaceFirst("^attachment", "inline") : disposition)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "application/pdf".equals(contentType)
                        ? "default-src 'none'; object-src 'self'" : "sandbox; default-src 'none'; img-src 'self'").build();
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

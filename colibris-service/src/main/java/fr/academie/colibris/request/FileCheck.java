package fr.academie.colibris.request;

import fr.academie.common.problem.ProblemException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a file must be to join a request: not empty, within its size, of an allowed type — the type it declares and
 * the one its first bytes show (a script renamed .pdf is refused).
 */
final class FileCheck {

    /** The files of the exchanges: documents and photographs of documents, 10 MB at most. */
    static final List<String> EXCHANGE_TYPES = List.of("application/pdf", "image/jpeg", "image/png");
    static final long EXCHANGE_MAX_BYTES = 10L * 1024 * 1024;

    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
            "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
    private static final Map<String, String> NAMES = Map.of("application/pdf", "PDF", "image/png", "PNG",
            "image/jpeg", "JPEG");

    private FileCheck() {
    }

    static void check(String what, String contentType, byte[] content, List<String> allowed, long maxBytes) {
        if (content.length == 0) {
            throw ProblemException.invalid("urn:portail:colibris:empty-file", "file", "Le fichier envoyé est vide.");
        }
        if (content.length > maxBytes) {
            throw new ProblemException("urn:portail:colibris:file-too-large", "Fichier trop volumineux", 413,
                    what + " : " + megabytes(maxBytes) + " au plus (ce fichier fait " + megabytes(content.length) + ").",
                    "file");
        }
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        byte[] signature = SIGNATURES.get(type);
        if (!allowed.contains(type) || signature == null || content.length < signature.length
                || !Arrays.equals(Arrays.copyOf(content, signature.length), signature)) {
            throw new ProblemException("urn:portail:colibris:file-type-refused", "Type de fichier refusé", 415,
                    what + " : " + String.join(", ", allowed.stream().map(t -> NAMES.getOrDefault(t, t)).toList())
                            + " seulement.", "file");
        }
    }

    /** The name as the person's computer gave it, without a path or control characters, 255 characters at most. */
    static String fileName(String name) {
        String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"]", "").strip();
        base = base.isEmpty() ? "piece-jointe" : base;
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.FRENCH, "%.1f Mo", bytes / (1024.0 * 1024.0)).replace(",0 Mo", " Mo");
    }
}

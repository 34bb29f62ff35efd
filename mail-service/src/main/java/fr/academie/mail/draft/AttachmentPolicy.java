package fr.academie.mail.draft;

import fr.academie.common.problem.ProblemException;
import fr.academie.mail.message.Executables;
import fr.academie.mail.store.Spool;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Which files may be attached: no programs or scripts ({@link Executables}), recognised by their name and by their
 * content (Apache Tika's magic bytes: a renamed executable is still one), nor archives holding them. Tika also gives the type the file is sent with.
 */
final class AttachmentPolicy {

    private static final MimeTypes TYPES = TikaConfig.getDefaultConfig().getMimeRepository();
    private static final int ARCHIVE_ENTRIES = 10_000;

    private AttachmentPolicy() {
    }

    /** The type to send the file with, or a 422 problem saying in French why it cannot be attached. */
    static String check(String fileName, Spool content) {
        String extension = Executables.extension(fileName);
        if (Executables.EXTENSIONS.contains(extension)) {
            throw blocked("« " + fileName + " » ne peut pas être joint : les programmes et les scripts (." + extension
                    + ", .exe, .js, .bat…) sont bloqués pour protéger vos destinataires.");
        }
        MediaType byContent = detect(content, null);
        if (Executables.TYPES.contains(byContent.getBaseType().toString())) {
            throw blocked("« " + fileName + " » est en réalité un programme, quel que soit son nom : il ne peut pas être joint.");
        }
        if (byContent.getBaseType().toString().equals("application/zip")) {
            String inside = blockedInArchive(content);
            if (inside != null) {
                throw blocked("L'archive « " + fileName + " » contient un programme ou un script (« " + inside
                        + " ») : elle ne peut pas être jointe.");
            }
        }
        return detect(content, fileName).toString();
    }

    private static MediaType detect(Spool content, String fileName) {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (InputStream in = new BufferedInputStream(content.open())) {
            return TYPES.detect(in, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first entry of the zip archive that could not be attached on its own (a .jar is a zip with classes). */
    private static String blockedInArchive(Spool content) {
        try (ZipInputStream zip = new ZipInputStream(content.open())) {
            ZipEntry entry;
            for (int i = 0; i < ARCHIVE_ENTRIES && (entry = zip.getNextEntry()) != null; i++) {
                String name = entry.getName();
                if (Executables.EXTENSIONS.contains(Executables.extension(name)) || name.equalsIgnoreCase("META-INF/MANIFEST.MF")
                        || name.endsWith(".class")) {
                    return name;
                }
            }
            return null;
        } catch (IOException e) {
            return null; // not a readable archive after all: its magic bytes were checked above
        }
    }

    private static ProblemException blocked(String detail) {
        return ProblemException.unprocessable("urn:portail:mail:attachment-blocked", "Pièce jointe refusée", detail, "file");
    }
}

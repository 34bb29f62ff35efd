package fr.academie.stack.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The files of a ZIP archive ("Mes données"), by name, in the archive's order. */
public final class Zips {

    private Zips() {
    }

    public static Map<String, byte[]> files(byte[] archive) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a ZIP archive", e);
        }
        return files;
    }

    /** Every file's bytes read as UTF-8 text, one after the other: what to search for a name that must not be there. */
    public static String allText(Map<String, byte[]> files) {
        StringBuilder text = new StringBuilder();
        files.values().forEach(bytes -> text.append(new String(bytes, StandardCharsets.UTF_8)).append('\n'));
        return text.toString();
    }
}

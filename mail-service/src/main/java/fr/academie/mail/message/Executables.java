package fr.academie.mail.message;

import java.util.Locale;
import java.util.Set;

/**
 * Attachments that are programs or scripts: the reading pane never serves them for download (the person sees why),
 * the message's source keeps them for export.
 */
public final class Executables {

    private static final Set<String> EXTENSIONS = Set.of("exe", "scr", "bat", "cmd", "com", "pif", "js", "jse", "vbs",
            "vbe", "jar", "msi", "msp", "ps1", "psm1", "hta", "wsf", "wsh", "lnk", "cpl", "reg", "sh", "apk", "dll", "scf");
    private static final Set<String> TYPES = Set.of("application/x-msdownload", "application/x-dosexec",
            "application/x-msdos-program", "application/x-ms-installer", "application/x-sh", "application/x-bat",
            "application/hta", "application/java-archive", "application/vnd.microsoft.portable-executable");

    private Executables() {
    }

    public static boolean blocked(String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1))
                || contentType != null && TYPES.contains(contentType.toLowerCase(Locale.ROOT));
    }
}

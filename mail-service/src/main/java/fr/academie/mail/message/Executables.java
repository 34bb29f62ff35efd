package fr.academie.mail.message;

import java.util.Locale;
import java.util.Set;

/**
 * Programs and scripts, by name (the extensions Gmail blocks, whatever their case, trailing dots or double extension)
 * and by type: such a file can never be attached to a message sent from here, and a received one is never served
 * for download (the person sees why; the message's source keeps it for export).
 */
public final class Executables {

    public static final Set<String> EXTENSIONS = Set.of("ade", "adp", "apk", "appx", "appxbundle", "bat", "cab",
            "chm", "cmd", "com", "cpl", "diagcab", "diagcfg", "diagpack", "dll", "dmg", "ex", "ex_", "exe", "hta", "img",
            "ins", "iso", "isp", "jar", "jnlp", "js", "jse", "lib", "lnk", "mde", "mjs", "msc", "msi", "msix",
            "msixbundle", "msp", "mst", "nsh", "pif", "ps1", "psm1", "reg", "scr", "sct", "sh", "shb", "sys", "vb", "vbe",
            "vbs", "vhd", "vxd", "wsc", "wsf", "wsh", "xll");

    /** Types of things that run, as a sender declares them or as Apache Tika recognises their content. */
    public static final Set<String> TYPES = Set.of("application/x-msdownload", "application/x-dosexec",
            "application/x-executable", "application/x-elf", "application/x-sharedlib", "application/x-mach-o-executable",
            "application/x-sh", "application/x-shellscript", "application/java-vm", "application/x-ms-shortcut",
            "application/x-msi", "application/x-ms-installer", "application/x-msdos-program", "application/x-bat",
            "application/hta", "application/java-archive", "application/vnd.microsoft.portable-executable");

    private Executables() {
    }

    /** Whether a received attachment is a program or a script, by its name or its declared type. */
    public static boolean blocked(String fileName, String contentType) {
        return EXTENSIONS.contains(extension(fileName))
                || contentType != null && TYPES.contains(contentType.toLowerCase(Locale.ROOT).strip());
    }

    /** The extension as Windows reads it (trailing dots and blanks ignored), in lower case; "" when none. */
    public static String extension(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).replaceAll("[.\\s]+$", "");
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}

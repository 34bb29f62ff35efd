package fr.academie.stack.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The mail clients nobody here wrote that the protocol tests drive (swaks, Python's smtplib...), found on the PATH.
 * Without one the test is skipped with the Debian package that installs it; {@code .ci/run} installs them and sets
 * {@code PORTAIL_REQUIRE_CLIENTS=1}, which turns that skip into a failure.
 */
public final class MailClients {

    private MailClients() {
    }

    /** The program's path; the test stops here (skipped, or failed under CI) when it is not installed. */
    public static Path require(String program, String debianPackage) {
        Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, program)).filter(Files::isExecutable).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        String message = "This test drives " + program + ": apt-get install " + debianPackage;
        if ("1".equals(System.getenv("PORTAIL_REQUIRE_CLIENTS"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
        return null; // not reached: abort throws
    }

    /**
     * The mbsync configuration the mail-service README gives (implicit TLS, the server's certificate checked, every
     * folder both ways), pointed at this port, account and Maildir.
     */
    public static String mbsyncrc(int imapsPort, String address, String password, Path certificate, Path maildir) {
        return """
                IMAPAccount academie
                Host 127.0.0.1
                Port %d
                User %s
                Pass "%s"
                SSLType IMAPS
                SystemCertificates no
                CertificateFile %s

                IMAPStore academie-distant
                Account academie

                MaildirStore academie-local
                Path %s/
                Inbox %s/INBOX
                SubFolders Verbatim

                Channel academie
                Far :academie-distant:
                Near :academie-local:
                Patterns *
                Create Both
                SyncState *
                """.formatted(imapsPort, address, password, certificate, maildir, maildir);
    }
}

package fr.academie.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The MX's certificate on this machine, also offered to mail clients (IMAP): a self-signed one for
 * mx.ac-orleans-tours.fr, imap.ac-orleans-tours.fr and localhost, made once per data directory by the JDK's keytool (a
 * PKCS#12 key store), so that the local MX and IMAP offer STARTTLS as real ones do. The services are given it as PEM
 * files, as production is (deploy/kubernetes: the Secret mail-mx-tls, {@code quarkus.tls.mx.key-store.pem.*}): a
 * PKCS#12 store costs each start its key derivation (0.26 s for the first load in a fresh JVM on this machine, 60 ms
 * each after), which production does not pay.
 */
final class MxCertificate {

    /** Not a secret: it protects a self-signed key on a workstation or in a test. */
    static final String PASSWORD = "portail-mx-local";

    private MxCertificate() {
    }

    /** The certificate and its key as PEM files. */
    record Pem(Path certificate, Path key) {
    }

    /**
     * The key store's certificate and key (PKCS#8) as PEM files beside it, made if missing or older than the store; the
     * key readable by its owner alone. The certificate file is also what a mail client that checks it is given.
     */
    static Pem pemFiles(Path dataDirectory) {
        Path keyStore = in(dataDirectory);
        Pem files = new Pem(dataDirectory.resolve("mx-certificate.crt"), dataDirectory.resolve("mx-certificate.key"));
        try {
            if (Files.exists(files.certificate()) && Files.exists(files.key())
                    && Files.getLastModifiedTime(files.key()).compareTo(Files.getLastModifiedTime(keyStore)) >= 0) {
                return files;
            }
            KeyStore store = load(keyStore);
            Files.writeString(files.certificate(), pem("CERTIFICATE", store.getCertificate("mx").getEncoded()),
                    StandardCharsets.US_ASCII);
            // the key last, whole or not at all: a start interrupted before it makes both again
            Path key = Files.createTempFile(dataDirectory, "mx-certificate", ".key",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(key, pem("PRIVATE KEY", store.getKey("mx", PASSWORD.toCharArray()).getEncoded()),
                    StandardCharsets.US_ASCII);
            Files.move(key, files.key(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return files;
        } catch (IOException | GeneralSecurityException e) {
            throw new StackException("The MX's certificate could not be written as PEM: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path keyStore) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (IOException e) {
            throw new StackException("The MX's key store could not be read: " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The key store in the data directory, made if missing. */
    static Path in(Path dataDirectory) {
        Path keyStore = dataDirectory.resolve("mx-certificate.p12");
        if (Files.exists(keyStore)) {
            return keyStore;
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        try {
            Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "mx",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
                    "-dname", "CN=mx.ac-orleans-tours.fr", "-ext", "SAN=dns:mx.ac-orleans-tours.fr,dns:imap.ac-orleans-tours.fr,dns:localhost,ip:127.0.0.1",
                    "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new StackException("keytool could not make the MX's certificate: " + output);
            }
            return keyStore;
        } catch (IOException e) {
            throw new StackException("keytool could not make the MX's certificate: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while making the MX's certificate", e);
        }
    }
}

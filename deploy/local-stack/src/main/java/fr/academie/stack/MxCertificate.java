package fr.academie.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The MX's certificate on this machine, also offered to mail clients (IMAP): a self-signed one for
 * mx.ac-orleans-tours.fr, imap.ac-orleans-tours.fr and localhost, made once per data directory by the JDK's keytool (a
 * PKCS#12 key store), so that the local MX and IMAP offer STARTTLS as real ones do.
 * Production uses a certificate from configuration (deploy/kubernetes: the Secret mail-mx-tls).
 */
final class MxCertificate {

    /** Not a secret: it protects a self-signed key on a workstation or in a test. */
    static final String PASSWORD = "portail-mx-local";

    private MxCertificate() {
    }

    /** The certificate of that key store in PEM, as a mail client that checks it is given it. */
    static String pem(Path keyStore) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(store.getCertificate("mx").getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (IOException | GeneralSecurityException e) {
            throw new StackException("The MX's certificate could not be read: " + e.getMessage(), e);
        }
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

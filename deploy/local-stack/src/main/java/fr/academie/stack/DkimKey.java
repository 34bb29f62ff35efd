package fr.academie.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The key that signs the académie's outbound mail (DKIM) on this machine: an RSA key made once per data directory,
 * its private half a PKCS#8 key for mail-service ({@code quarkus.mailer.dkim.private-key-path}: base64 on one line,
 * without PEM armour, as Vert.x Mail reads it), its public half
 * the TXT record the DNS stub publishes. Production uses a key from configuration (deploy/kubernetes: the Secret
 * mail-dkim) and publishes its public half in the académie's DNS.
 */
final class DkimKey {

    /** The selector: the record is published at portail._domainkey.ac-orleans-tours.fr. */
    static final String SELECTOR = "portail";

    private DkimKey() {
    }

    /** The private key file in the data directory, made if missing. */
    static Path in(Path dataDirectory) {
        Path file = dataDirectory.resolve("dkim-private.key");
        try {
            if (!Files.exists(file)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                byte[] key = generator.generateKeyPair().getPrivate().getEncoded();
                Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            }
            return file;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new StackException("Cannot make the DKIM key: " + e.getMessage(), e);
        }
    }

    /** The DKIM record of the key in the data directory ("v=DKIM1; k=rsa; p=..."). */
    static String record(Path dataDirectory) {
        try {
            byte[] der = Base64.getDecoder().decode(Files.readString(in(dataDirectory), StandardCharsets.US_ASCII).strip());
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            byte[] publicKey = rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded();
            return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(publicKey);
        } catch (IOException | NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new StackException("Cannot read the DKIM key: " + e.getMessage(), e);
        }
    }
}

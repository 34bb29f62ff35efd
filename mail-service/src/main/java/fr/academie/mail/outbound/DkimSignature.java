package fr.academie.mail.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.exceptions.FailException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The académie's DKIM signature (Apache jDKIM) for what leaves as bytes ({@link VerbatimSmtp}: auto-replies, forwards),
 * with the key, selector, domain and fields Quarkus Mailer signs the webmail's mail with ({@code quarkus.mailer.dkim.*}):
 * a forward keeps the sender's own signatures and gains ours above them.
 */
@ApplicationScoped
public class DkimSignature {

    private final Optional<DKIMSigner> signer;

    public DkimSignature(@ConfigProperty(name = "quarkus.mailer.dkim.enabled", defaultValue = "false") boolean enabled,
                         @ConfigProperty(name = "quarkus.mailer.dkim.private-key-path") Optional<String> keyPath,
                         @ConfigProperty(name = "quarkus.mailer.dkim.selector") Optional<String> selector,
                         @ConfigProperty(name = "quarkus.mailer.dkim.sdid") Optional<String> domain,
                         @ConfigProperty(name = "quarkus.mailer.dkim.signed-headers") List<String> fields) {
        if (!enabled || keyPath.isEmpty() || selector.isEmpty() || domain.isEmpty()) {
            this.signer = Optional.empty();
            return;
        }
        try {
            PrivateKey key = DKIMSigner.getPrivateKey(Files.readString(Path.of(keyPath.get()), StandardCharsets.US_ASCII).strip());
            this.signer = Optional.of(new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain.get() + "; s="
                    + selector.get() + "; h=" + String.join(":", fields).toLowerCase(Locale.ROOT) + "; bh=; b=;", key));
        } catch (IOException e) {
            throw new UncheckedIOException("The DKIM key cannot be read", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The DKIM key is not a PKCS#8 RSA key in base64", e);
        }
    }

    /** The message with the académie's signature on top; as it was when no key is configured. */
    byte[] sign(byte[] message) {
        if (signer.isEmpty()) {
            return message;
        }
        try {
            byte[] field = (signer.get().sign(new ByteArrayInputStream(message)) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] signed = new byte[field.length + message.length];
            System.arraycopy(field, 0, signed, 0, field.length);
            System.arraycopy(message, 0, signed, field.length, message.length);
            return signed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FailException e) {
            throw new IllegalStateException("The message could not be signed: " + e.getMessage(), e);
        }
    }
}

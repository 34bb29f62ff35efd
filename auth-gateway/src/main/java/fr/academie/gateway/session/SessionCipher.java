package fr.academie.gateway.session;

import fr.academie.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Encrypts a session's tokens at rest with AES-256-GCM (a random 96-bit nonce per encryption, the session's reference
 * hash as associated data: a row's tokens cannot be moved under another session). The key is the SHA-256 of a secret
 * from configuration ({@code gateway.sessions.secret}, of high entropy); its id, the start of the key's own hash, is
 * stored beside the tokens. Rotation: the new secret becomes {@code secret}, the old one goes to
 * {@code previous-secrets} and still decrypts until the sessions it encrypted have ended (10 hours at most).
 */
@ApplicationScoped
public class SessionCipher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    /** An encrypted text and the id of the key that encrypted it. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    public SessionCipher(GatewayConfig config) {
        this.currentId = add(config.sessions().secret());
        config.sessions().previousSecrets().orElse(java.util.List.of()).forEach(this::add);
    }

    public Sealed seal(byte[] reference, String text) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(reference);
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return new Sealed(currentId, ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The text, or empty when no key of the configuration opens it (a key removed too early, a forged row). */
    public Optional<String> open(byte[] reference, Sealed sealed) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null || sealed.bytes().length <= NONCE) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, NONCE));
            cipher.updateAAD(reference);
            byte[] text = cipher.doFinal(sealed.bytes(), NONCE, sealed.bytes().length - NONCE);
            return Optional.of(new String(text, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private String add(String secret) {
        if (secret.length() < 32) {
            throw new IllegalArgumentException("gateway.sessions.secret: at least 32 characters of a random secret");
        }
        byte[] key = sha256(secret.getBytes(StandardCharsets.UTF_8));
        String id = HexFormat.of().formatHex(sha256(key), 0, 8);
        keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

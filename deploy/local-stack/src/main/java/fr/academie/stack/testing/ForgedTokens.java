package fr.academie.stack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * The attacks on a resource server's token check that OWASP ASVS (V3/V9 in 4.0) lists, built from a real token
 * of the realm: its claims kept, its header or signature forged. Every one of them must be refused.
 */
public final class ForgedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final KeyPair ATTACKER = rsaKeyPair();

    private final String header;
    private final String payload;

    /** Starts from a genuine token: its header and claims are what the forgeries keep. */
    public ForgedTokens(String genuine) {
        String[] parts = genuine.split("\\.");
        this.header = decode(parts[0]);
        this.payload = parts[1];
    }

    /** {@code alg: none} and no signature. */
    public String unsigned() {
        return encode(header(h -> h.put("alg", "none"))) + "." + payload + ".";
    }

    /** HS256 with the realm's public key as the HMAC secret (the classic RS/HS confusion). */
    public String hmacWithThePublicKey(String publicKeyPem) {
        String signingInput = encode(header(h -> h.put("alg", "HS256"))) + "." + payload;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(publicKeyPem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return signingInput + "." + BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RS256 by the attacker's key, under a key id the realm never published. */
    public String unknownKeyId() {
        return signedByAttacker(header(h -> h.put("kid", "cle-inconnue")));
    }

    /** RS256 by the attacker's key, which the header embeds ({@code jwk}) for the server to trust. */
    public String embeddedKey() {
        RSAPublicKey key = (RSAPublicKey) ATTACKER.getPublic();
        return signedByAttacker(header(h -> h.putObject("jwk").put("kty", "RSA")
                .put("n", unsigned(key.getModulus())).put("e", unsigned(key.getPublicExponent()))));
    }

    /** RS256 by the attacker's key, whose key set the header points at ({@code jku}, and {@code x5u}). */
    public String remoteKeySet() {
        return signedByAttacker(header(h -> h.put("jku", "https://attaquant.example/jwks.json")
                .put("x5u", "https://attaquant.example/cert.pem")));
    }

    /** The genuine header and claims with one claim changed: the signature no longer matches. */
    public String tamperedClaim(String claim, String value) {
        try {
            ObjectNode claims = (ObjectNode) JSON.readTree(decode(payload));
            claims.put(claim, value);
            return encode(header) + "." + encode(claims.toString()) + ".c2lnbmF0dXJlLWludmFsaWRl";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String signedByAttacker(String forgedHeader) {
        String signingInput = encode(forgedHeader) + "." + payload;
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(ATTACKER.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String header(Consumer<ObjectNode> change) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(header);
            change.accept(node);
            return node.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return BASE64URL.encodeToString(bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The realm's RS256 signing key as PEM, from its published key set (what an attacker can read). */
    public static String publicKeyPem(JsonNode jwks) {
        for (JsonNode key : jwks.get("keys")) {
            if ("RS256".equals(key.path("alg").asText()) && "sig".equals(key.path("use").asText())) {
                return "-----BEGIN CERTIFICATE-----\n" + key.get("x5c").get(0).asText() + "\n-----END CERTIFICATE-----\n";
            }
        }
        throw new IllegalStateException("No RS256 key in " + jwks);
    }
}

package fr.academie.mail.forwarding;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Sender Rewriting Scheme (SRS0, as libsrs2 and Postfix's postsrsd write it): a forward outside the académie
 * leaves under {@code SRS0=HHHH=TT=domain=local@ac-orleans-tours.fr}, an address of ours, so that the destination's
 * SPF check passes; HHHH signs the rest (HMAC-SHA1 with the secret, 4 base64 characters), TT is the day (base32, modulo
 * 1024 days), so that only addresses this server wrote, lately, take a bounce back to the original sender.
 */
public final class Srs {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final Pattern SRS0 = Pattern.compile("(?i)SRS0[=+-]([^=]{4})=([^=]{2})=([^=]+)=(.+)@([^@]+)");

    private final byte[] secret;
    private final String domain;

    public Srs(String secret, String domain) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.domain = domain;
    }

    /** The address a forward of mail from {@code sender} leaves under. */
    public String forward(String sender, Instant now) {
        int at = sender.lastIndexOf('@');
        String local = sender.substring(0, at);
        String host = sender.substring(at + 1);
        String day = day(now);
        return "SRS0=" + hash(day, host, local) + "=" + day + "=" + host + "=" + local + "@" + domain;
    }

    /** The original sender of an address {@link #forward} wrote within {@code validity}; empty for any other. */
    public Optional<String> reverse(String address, Instant now, Duration validity) {
        Matcher srs = SRS0.matcher(address);
        if (!srs.matches() || !srs.group(5).equalsIgnoreCase(domain)) {
            return Optional.empty();
        }
        String day = srs.group(2).toUpperCase(Locale.ROOT);
        String host = srs.group(3);
        String local = srs.group(4);
        if (!hash(day, host, local).equalsIgnoreCase(srs.group(1)) || age(day, now) > validity.toDays()) {
            return Optional.empty();
        }
        return Optional.of(local + "@" + host);
    }

    private static String day(Instant now) {
        long days = now.getEpochSecond() / 86_400 % 1024;
        return "" + BASE32.charAt((int) (days >> 5)) + BASE32.charAt((int) (days & 31));
    }

    /** Days since the address was written (modulo 1024, as its two characters allow); never valid when not base32. */
    private static long age(String day, Instant now) {
        int high = BASE32.indexOf(day.charAt(0));
        int low = BASE32.indexOf(day.charAt(1));
        if (high < 0 || low < 0) {
            return Long.MAX_VALUE;
        }
        long today = now.getEpochSecond() / 86_400 % 1024;
        return Math.floorMod(today - (high << 5 | low), 1024);
    }

    private String hash(String day, String host, String local) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] digest = mac.doFinal((day + host + local).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest).substring(0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every JDK", e);
        }
    }
}

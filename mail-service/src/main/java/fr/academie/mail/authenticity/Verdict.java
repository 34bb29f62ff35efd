package fr.academie.mail.authenticity;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the MX learnt of who sent a message — SPF of the connecting server, each DKIM signature, DMARC of the From:
 * domain, with RFC 8601's result names — and what it does with the message.
 *
 * @param spfDomain  the domain SPF vouched for or not (MAIL FROM's, or HELO's for a bounce)
 * @param fromDomain the From: header field's domain (null when it has none)
 */
public record Verdict(String spf, String spfDomain, List<Signature> dkim, String dmarc, String fromDomain,
                      Disposition disposition) {

    /** What becomes of the message. */
    public enum Disposition {
        /** Into the inbox. */
        DELIVER,
        /** Into Indésirables (DMARC quarantine). */
        JUNK,
        /** Refused for good (550 5.7.1): DMARC reject, or the académie's own domain forged. */
        REFUSE,
        /** Refused for now (451): the DNS could not tell whether the académie's own domain was forged. */
        TRY_LATER
    }

    /** One DKIM signature: its result, its signing domain (d=) and selector (s=), null when unreadable. */
    public record Signature(String result, String domain, String selector) {
    }

    /** A name the sender chose (HELO, a signature's d= or s=): written only when it is one, never as more results. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,253}");

    /** The Authentication-Results: header field (RFC 8601) this server writes above the message, CRLF-ended. */
    public String header(String hostName) {
        String dkimResults = dkim.isEmpty() ? "dkim=none" : dkim.stream()
                .map(signature -> "dkim=" + signature.result() + property(" header.d=", signature.domain())
                        + property(" header.s=", signature.selector()))
                .collect(Collectors.joining(";\r\n\t"));
        return "Authentication-Results: " + hostName + ";\r\n\tspf=" + spf + property(" smtp.mailfrom=", spfDomain)
                + ";\r\n\t" + dkimResults + ";\r\n\tdmarc=" + dmarc
                + property(" header.from=", fromDomain == null ? null : fromDomain.toLowerCase(Locale.ROOT)) + "\r\n";
    }

    private static String property(String name, String value) {
        return value != null && NAME.matcher(value).matches() ? name + value : "";
    }
}

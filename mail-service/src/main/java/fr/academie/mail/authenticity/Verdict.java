package fr.academie.mail.authenticity;

import java.util.List;
import java.util.Locale;
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

    /** The Authentication-Results: header field (RFC 8601) this server writes above the message, CRLF-ended. */
    public String header(String hostName) {
        String dkimResults = dkim.isEmpty() ? "dkim=none" : dkim.stream()
                .map(signature -> "dkim=" + signature.result()
                        + (signature.domain() == null ? "" : " header.d=" + signature.domain())
                        + (signature.selector() == null ? "" : " header.s=" + signature.selector()))
                .collect(Collectors.joining(";\r\n\t"));
        return "Authentication-Results: " + hostName + ";\r\n\tspf=" + spf
                + (spfDomain == null ? "" : " smtp.mailfrom=" + spfDomain) + ";\r\n\t" + dkimResults + ";\r\n\tdmarc="
                + dmarc + (fromDomain == null ? "" : " header.from=" + fromDomain.toLowerCase(Locale.ROOT)) + "\r\n";
    }
}

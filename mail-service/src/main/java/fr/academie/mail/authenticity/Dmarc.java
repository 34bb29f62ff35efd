package fr.academie.mail.authenticity;

import com.google.common.net.InternetDomainName;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * DMARC (RFC 7489) as a receiver applies it: the policy record a From: domain publishes (or its organizational
 * domain's, found with the Public Suffix List that Guava carries), and identifier alignment.
 */
public final class Dmarc {

    private Dmarc() {
    }

    /** A published policy: what to do with failing mail, for the domain and (sp) for its subdomains. */
    record Policy(String domainPolicy, String subdomainPolicy, boolean strictSpf, boolean strictDkim) {

        /** The policy that applies to mail from {@code fromDomain}, found at {@code publishedAt}. */
        String applied(String fromDomain, String publishedAt) {
            return fromDomain.equalsIgnoreCase(publishedAt) || subdomainPolicy == null ? domainPolicy : subdomainPolicy;
        }
    }

    /** The record's policy; empty when it is no DMARC record (first tag not v=DMARC1, or no valid p=). */
    static Optional<Policy> parse(String record) {
        Map<String, String> tags = new TreeMap<>();
        String[] parts = record.split(";");
        for (String part : parts) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                tags.putIfAbsent(part.substring(0, equals).trim().toLowerCase(Locale.ROOT),
                        part.substring(equals + 1).trim());
            }
        }
        if (parts.length == 0 || !parts[0].trim().replace(" ", "").equalsIgnoreCase("v=DMARC1")) {
            return Optional.empty();
        }
        String policy = policy(tags.get("p"));
        if (policy == null) {
            return Optional.empty();
        }
        return Optional.of(new Policy(policy, policy(tags.get("sp")), "s".equalsIgnoreCase(tags.get("aspf")),
                "s".equalsIgnoreCase(tags.get("adkim"))));
    }

    private static String policy(String value) {
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals("none") || lower.equals("quarantine") || lower.equals("reject") ? lower : null;
    }

    /** The registrable domain (ac-orleans-tours.fr for mx.ac-orleans-tours.fr); the name itself when it has none. */
    public static String organizational(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        try {
            InternetDomainName name = InternetDomainName.from(lower);
            return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : lower;
        } catch (IllegalArgumentException e) {
            return lower;
        }
    }

    /** Whether an authenticated domain aligns with the From: domain: the same name (strict) or organization (relaxed). */
    static boolean aligned(String authenticated, String fromDomain, boolean strict) {
        if (authenticated == null || fromDomain == null) {
            return false;
        }
        return strict ? authenticated.equalsIgnoreCase(fromDomain)
                : organizational(authenticated).equals(organizational(fromDomain));
    }
}

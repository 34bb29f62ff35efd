package fr.academie.mail.authenticity;

import fr.academie.mail.config.MailConfig;
import fr.academie.mail.mime.MimeParser;
import fr.academie.mail.mime.ParsedMessage;
import fr.academie.mail.store.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.Result;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.TempFailException;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.executor.SynchronousSPFExecutor;
import org.apache.james.jspf.impl.DNSServiceXBillImpl;
import org.apache.james.jspf.impl.SPF;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who really sent a message arriving from the internet: SPF for the connecting server (Apache jSPF), the DKIM
 * signatures (Apache jDKIM), and DMARC for the From: domain, every DNS query through {@link Dns}. The verdict decides
 * where the message goes; its results are written above the message (Authentication-Results:).
 */
@ApplicationScoped
public class Authenticity {

    private final Dns dns;
    private final MailConfig config;
    private final SPF spf;

    public Authenticity(Dns dns, MailConfig config) {
        this.dns = dns;
        this.config = config;
        DNSService service = new DNSServiceXBillImpl(dns.resolver());
        this.spf = new SPF(service, new SynchronousSPFExecutor(service));
    }

    /** The envelope as the connecting server gave it: its address, its HELO name, MAIL FROM (empty for a bounce). */
    public record Envelope(String clientAddress, String helo, String mailFrom) {
    }

    public Verdict check(Envelope envelope, Spool message) {
        boolean bounce = envelope.mailFrom() == null || envelope.mailFrom().isEmpty();
        String spfResult = spf.checkSPF(envelope.clientAddress(), bounce ? "" : envelope.mailFrom(), envelope.helo())
                .getResult();
        String spfDomain = bounce ? envelope.helo() : domainOf(envelope.mailFrom());
        List<Verdict.Signature> signatures = dkim(message);
        String fromDomain = fromDomain(message);
        Outcome dmarc = dmarc(fromDomain, new Identities(spfResult, spfDomain, signatures));
        return new Verdict(spfResult, spfDomain, signatures, dmarc.result(), fromDomain, disposition(fromDomain, dmarc));
    }

    /** What SPF and DKIM proved: the domains DMARC tries to align with the From: domain. */
    private record Identities(String spf, String spfDomain, List<Verdict.Signature> signatures) {

        boolean alignWith(String fromDomain, boolean strictSpf, boolean strictDkim) {
            return "pass".equals(spf) && Dmarc.aligned(spfDomain, fromDomain, strictSpf)
                    || signatures.stream().anyMatch(signature -> "pass".equals(signature.result())
                    && Dmarc.aligned(signature.domain(), fromDomain, strictDkim));
        }
    }

    /** DMARC's result for the From: domain, whether SPF or DKIM aligned with it, and the policy that applies. */
    private record Outcome(String result, boolean aligned, String policy) {
    }

    private Outcome dmarc(String fromDomain, Identities identities) {
        if (fromDomain == null) {
            return new Outcome("none", false, "none");
        }
        boolean relaxed = identities.alignWith(fromDomain, false, false);
        try {
            String publishedAt = fromDomain;
            Optional<Dmarc.Policy> policy = policyAt(fromDomain);
            if (policy.isEmpty() && !Dmarc.organizational(fromDomain).equals(fromDomain)) {
                publishedAt = Dmarc.organizational(fromDomain);
                policy = policyAt(publishedAt);
            }
            if (policy.isEmpty()) {
                return new Outcome("none", relaxed, "none");
            }
            boolean aligned = identities.alignWith(fromDomain, policy.get().strictSpf(), policy.get().strictDkim());
            return new Outcome(aligned ? "pass" : "fail", aligned, policy.get().applied(fromDomain, publishedAt));
        } catch (Dns.Unavailable e) {
            return new Outcome("temperror", relaxed, "none");
        }
    }

    private Verdict.Disposition disposition(String fromDomain, Outcome dmarc) {
        if (fromDomain != null && isAcademie(fromDomain) && !dmarc.aligned()) {
            // the académie's own name from outside, unproven: refused whatever its record says (or if none is found)
            return "temperror".equals(dmarc.result()) ? Verdict.Disposition.TRY_LATER : Verdict.Disposition.REFUSE;
        }
        if (!"fail".equals(dmarc.result())) {
            return Verdict.Disposition.DELIVER;
        }
        return switch (dmarc.policy()) {
            case "reject" -> Verdict.Disposition.REFUSE;
            case "quarantine" -> Verdict.Disposition.JUNK;
            default -> Verdict.Disposition.DELIVER;
        };
    }

    private boolean isAcademie(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        return lower.equals(config.domain()) || lower.endsWith("." + config.domain());
    }

    private Optional<Dmarc.Policy> policyAt(String domain) throws Dns.Unavailable {
        return dns.txt("_dmarc." + domain).stream().map(Dmarc::parse).flatMap(Optional::stream).findFirst();
    }

    /**
     * Each DKIM-Signature's result; none when the message carries no signature. A signature whose key its domain does
     * not publish is a permanent error (RFC 6376 §6.1.2: "no key for signature"), not a broken one.
     */
    private List<Verdict.Signature> dkim(Spool message) {
        Set<String> keyless = new HashSet<>();
        DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> publicKeys(selector + "._domainkey."
                + domain, keyless));
        try (InputStream in = message.open()) {
            DkimInput input = DkimInput.of(in);
            verifier.verify(input, input.body());
        } catch (FailException e) {
            // every signature failed: their results say why
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return verifier.getResults().stream().map(result -> signature(result, keyless)).toList();
    }

    private static Verdict.Signature signature(Result result, Set<String> keyless) {
        SignatureRecord record = result.getRecord();
        String domain = record == null ? null : record.getDToken().toString().toLowerCase(Locale.ROOT);
        String selector = record == null ? null : record.getSelector().toString();
        String name = switch (result.getResultType()) {
            case PASS -> "pass";
            case FAIL -> keyless.contains((selector + "._domainkey." + domain).toLowerCase(Locale.ROOT)) ? "permerror"
                    : "fail";
            case TEMPERROR -> "temperror";
            case PERMERROR -> "permerror";
            case POLICY -> "policy";
            case NEUTRAL -> "neutral";
            default -> "none";
        };
        return new Verdict.Signature(name, domain, selector);
    }

    /** The DKIM key records at selector._domainkey.domain; a name that has none is remembered in {@code keyless}. */
    private List<String> publicKeys(String name, Set<String> keyless) throws TempFailException {
        try {
            List<String> records = dns.txt(name);
            if (records.isEmpty()) {
                keyless.add(name.toLowerCase(Locale.ROOT));
            }
            return records;
        } catch (Dns.Unavailable e) {
            throw new TempFailException(e.getMessage());
        }
    }

    private static String fromDomain(Spool message) {
        try (InputStream in = message.open()) {
            ParsedMessage.Address from = MimeParser.from(in);
            return from == null || from.address() == null ? null : domainOf(from.address());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? null : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}

package fr.academie.mail.warning;

import com.google.common.net.InternetDomainName;
import fr.academie.mail.authenticity.Dmarc;
import fr.academie.mail.authenticity.Verdict;
import fr.academie.mail.message.Executables;
import fr.academie.mail.message.Warning;
import fr.academie.mail.mime.ParsedMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signs of phishing the seed article teaches ("un expéditeur inconnu, un lien tronqué...") read in a message from
 * the internet, each named in French: a sender who failed authentication, a display name that borrows an académie
 * service's, a domain that imitates a trusted one, a link that shows one domain and leads to another, a first message
 * from an address, an attachment that is a program or hides behind a double extension. The trusted domains and the
 * service names are data ({@code warning/domains.txt}, {@code warning/services.txt}). Pure logic: no I/O per message.
 */
public final class PhishingSigns {

    private static final int REMEMBERED_AT_MOST = 10_000;
    private static final Set<String> ARCHIVES = Set.of("zip", "rar", "7z", "iso", "img", "gz", "tar", "cab");
    private static final Pattern DOMAIN = Pattern.compile("(?i)(?<![\\w.@-])((?:[a-z0-9\\u00C0-\\u024F-]+\\.)+[a-z]{2,24})(?![\\w-])");
    private static final Map<Character, Character> CONFUSABLE = Map.ofEntries(Map.entry('0', 'o'), Map.entry('1', 'l'),
            Map.entry('i', 'l'), Map.entry('\u0430', 'a'), Map.entry('\u0435', 'e'), Map.entry('\u043e', 'o'),
            Map.entry('\u0440', 'p'), Map.entry('\u0441', 'c'), Map.entry('\u0445', 'x'), Map.entry('\u0443', 'y'),
            Map.entry('\u0456', 'l'), Map.entry('\u04cf', 'l'));

    private final List<String> trustedDomains;
    private final List<Trusted> trusted;
    private final List<String> serviceNames;
    private final String academieDomain;
    /** The trusted domain each sender's domain imitates (empty: none), found once: a sender writes again and again. */
    private final Map<String, Optional<Trusted>> imitated = new ConcurrentHashMap<>();

    /** A trusted domain, its name without the public suffix, and how both look (folded once, not per message). */
    private record Trusted(String domain, String name, String nameSkeleton, String domainSkeleton) {

        static Trusted of(String domain) {
            String name = nameOf(domain);
            return new Trusted(domain, name, skeleton(name), skeleton(domain));
        }
    }

    public PhishingSigns(List<String> trustedDomains, List<String> serviceNames, String academieDomain) {
        this.trustedDomains = trustedDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        this.trusted = this.trustedDomains.stream().map(Trusted::of).toList();
        this.serviceNames = serviceNames.stream().map(PhishingSigns::plain).toList();
        this.academieDomain = academieDomain.toLowerCase(Locale.ROOT);
    }

    /** With the lists shipped in the jar. */
    public static PhishingSigns shipped(String academieDomain) {
        return new PhishingSigns(lines("/warning/domains.txt"), lines("/warning/services.txt"), academieDomain);
    }

    /**
     * What the MX learnt of a message, whether the mailbox has heard from its sender before, and whether a display name
     * is that of a person of the académie (the directory's answer; asked only of a sender from outside).
     */
    public record Inspection(Verdict verdict, ParsedMessage message, boolean firstFromSender,
                             Predicate<String> colleagueNamed) {

        /** Where no display name is a colleague's. */
        public Inspection(Verdict verdict, ParsedMessage message, boolean firstFromSender) {
            this(verdict, message, firstFromSender, name -> false);
        }
    }

    public List<Warning> of(Inspection inspection) {
        List<Warning> warnings = new ArrayList<>();
        ParsedMessage message = inspection.message();
        String address = message.from() == null || message.from().address() == null ? "" : message.from().address();
        String domain = domainOf(address);
        authentication(inspection.verdict()).ifPresent(warnings::add);
        if (domain != null && !genuine(domain)) {
            displayName(message.from().name(), address, inspection.colleagueNamed()).ifPresent(warnings::add);
            lookalike(domain, address).ifPresent(warnings::add);
        }
        warnings.addAll(links(message.html()));
        if (inspection.firstFromSender() && !address.isEmpty()) {
            warnings.add(new Warning("premier-message", "C'est le premier message que vous recevez de " + address + ".", 1));
        }
        message.attachments().stream().filter(part -> !part.inline()).forEach(part -> attachment(part).ifPresent(warnings::add));
        return warnings;
    }

    private static Optional<Warning> authentication(Verdict verdict) {
        if (verdict == null) {
            return Optional.empty();
        }
        boolean dkimFailed = !verdict.dkim().isEmpty() && verdict.dkim().stream().noneMatch(s -> "pass".equals(s.result()));
        boolean failed = "fail".equals(verdict.dmarc())
                || !"pass".equals(verdict.dmarc()) && ("fail".equals(verdict.spf()) || dkimFailed);
        // a softfail ("~all") is a domain unsure of its own servers, common and weaker than a failure
        boolean doubtful = !"pass".equals(verdict.dmarc()) && "softfail".equals(verdict.spf());
        if (!failed && !doubtful) {
            return Optional.empty();
        }
        String who = verdict.fromDomain() == null ? "l'adresse affichée" : verdict.fromDomain();
        return Optional.of(new Warning("authentification", "L'expéditeur n'a pas pu être authentifié : rien ne prouve "
                + "que ce message vient vraiment de " + who + ".", failed ? 3 : 2));
    }

    private Optional<Warning> displayName(String name, String address, Predicate<String> colleagueNamed) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String plainName = " " + plain(name) + " ";
        Optional<Warning> service = serviceNames.stream().filter(s -> plainName.contains(" " + s + " ")).findFirst()
                .map(s -> new Warning("nom-trompeur", "Le nom affiché, « " + name.strip() + " », évoque un service"
                        + " de l'académie, mais l'adresse " + address + " est extérieure à l'académie.", 2));
        if (service.isPresent() || !colleagueNamed.test(name.strip())) {
            return service;
        }
        return Optional.of(new Warning("nom-trompeur", "Le nom affiché, « " + name.strip() + " », est celui d'une "
                + "personne de l'académie, mais l'adresse " + address + " est extérieure à l'académie.", 2));
    }

    /** Whether two names are the same words, in any order (case, accents and punctuation aside). */
    public static boolean sameName(String a, String b) {
        return words(a).equals(words(b));
    }

    private static List<String> words(String name) {
        return Arrays.stream(plain(name).split(" ")).filter(word -> !word.isEmpty()).sorted().toList();
    }

    private Optional<Warning> lookalike(String domain, String address) {
        if (imitated.size() >= REMEMBERED_AT_MOST) {
            imitated.clear();
        }
        return imitated.computeIfAbsent(domain, this::imitates).map(candidate -> new Warning("domaine-ressemblant",
                "L'adresse " + address + " imite celle de " + candidate.domain() + " sans en être une : vérifiez "
                        + "l'orthographe du domaine.", 3));
    }

    /** The trusted domain this one imitates, if any. */
    private Optional<Trusted> imitates(String domain) {
        String name = nameOf(Dmarc.organizational(domain));
        String skeleton = skeleton(name);
        String domainSkeleton = skeleton(domain);
        return trusted.stream().filter(candidate -> skeleton.equals(candidate.nameSkeleton())
                || candidate.name().length() >= 10 && name.contains(candidate.name())
                || domain.startsWith(candidate.domain() + ".")
                || near(domainSkeleton, candidate.domainSkeleton(), 2)
                || near(skeleton, candidate.nameSkeleton(), candidate.name().length() >= 10 ? 2 : 1)).findFirst();
    }

    /** Whether the two are at most that many edits apart (their lengths alone often say no). */
    private static boolean near(String a, String b, int edits) {
        return Math.abs(a.length() - b.length()) <= edits && distance(a, b) <= edits;
    }

    /** Links whose visible text names a domain of another organization than the one they lead to. */
    private static List<Warning> links(String html) {
        if (html == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Warning> warnings = new ArrayList<>();
        for (Element link : Jsoup.parse(html).select("a[href]")) {
            String host = host(link.attr("href"));
            Matcher shown = DOMAIN.matcher(link.text());
            if (host == null || !shown.find()) {
                continue;
            }
            String shownDomain = shown.group(1).toLowerCase(Locale.ROOT);
            if (isDomain(shownDomain) && !Dmarc.organizational(shownDomain).equals(Dmarc.organizational(host)) && seen.add(shownDomain + host)) {
                warnings.add(new Warning("lien-trompeur", "Un lien affiche « " + shownDomain + " » mais mène à " + host
                        + ".", 2));
            }
        }
        return warnings;
    }

    private static Optional<Warning> attachment(ParsedMessage.Part part) {
        String fileName = part.fileName() == null ? "" : part.fileName();
        if (Executables.blocked(fileName, part.contentType())) {
            return Optional.of(new Warning("piece-jointe-executable", "La pièce jointe « " + fileName + " » est un "
                    + "programme : elle peut installer un logiciel malveillant, son téléchargement est bloqué.", 3));
        }
        String[] parts = fileName.toLowerCase(Locale.ROOT).strip().split("\\.");
        if (parts.length >= 3 && ARCHIVES.contains(parts[parts.length - 1]) && !parts[parts.length - 2].isBlank()
                && parts[parts.length - 2].length() <= 4 && !parts[parts.length - 2].equals("tar")) {
            return Optional.of(new Warning("double-extension", "La pièce jointe « " + fileName + " » cache son vrai "
                    + "type derrière une double extension.", 2));
        }
        return Optional.empty();
    }

    private boolean genuine(String domain) {
        return domain.equals(academieDomain) || domain.endsWith("." + academieDomain)
                || trustedDomains.stream().anyMatch(trusted -> domain.equals(trusted) || domain.endsWith("." + trusted));
    }

    /** A name under a public suffix (exemple.fr), not a file name that looks like one (rapport.pdf). */
    private static boolean isDomain(String name) {
        try {
            return InternetDomainName.from(name).isUnderPublicSuffix();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String host(String href) {
        try {
            URI uri = URI.create(href.strip());
            return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")
                    && uri.getHost() != null ? uri.getHost().toLowerCase(Locale.ROOT) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The registrable domain without its public suffix: "ac-orleans-tours" for ac-orleans-tours.fr. */
    private static String nameOf(String registrable) {
        int dot = registrable.indexOf('.');
        return dot < 0 ? registrable : registrable.substring(0, dot);
    }

    /** The name as it looks: Unicode (punycode decoded), lower case, confusable characters folded. */
    static String skeleton(String name) {
        String unicode = IDN.toUnicode(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder();
        for (char c : Normalizer.normalize(unicode, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toCharArray()) {
            folded.append(CONFUSABLE.getOrDefault(c, c));
        }
        return folded.toString().replace("rn", "m").replace("vv", "w");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? null : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** Lower case, without accents or punctuation: how names are compared. */
    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = PhishingSigns.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

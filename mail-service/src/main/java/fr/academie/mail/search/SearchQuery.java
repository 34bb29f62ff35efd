package fr.academie.mail.search;

import fr.academie.common.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person typed in the search box: free text (French, stemmed, accents ignored; "quoted phrases" and
 * -excluded words as web search engines read them) and operators {@code from: to: subject: has:attachment
 * label: in: is:unread is:read is:flagged before: after: larger:}, each also in French ({@code de: à: objet:
 * étiquette: dossier: est:non-lu avant: après: taille:} and the bare word {@code pièce-jointe}; accents optional). A
 * value may be quoted: {@code in:"Voyage Rome"}; a date is AAAA-MM-JJ or JJ/MM/AAAA.
 */
public record SearchQuery(String text, List<String> from, List<String> to, List<String> subject, boolean hasAttachment,
                          List<String> labels, String in, Boolean unread, boolean flagged, LocalDate before,
                          LocalDate after, Long largerThan) {

    /** An operator starts a word (a letter before it would make it part of another: "rendez-vous:"). */
    private static final Pattern OPERATOR = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}_-])(from|to|subject|has|label|in|is|before"
            + "|after|larger|de|à|a|objet|étiquette|etiquette|dossier|est|avant|après|apres|taille):(\"[^\"]*\"|\\S+)");
    private static final Pattern ATTACHMENT_WORD = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}_:-])pi[eè]ces?-jointes?(?![\\p{L}\\p{N}_-])");
    /** The French operators, as the English ones they stand for. */
    private static final Map<String, String> FRENCH = Map.ofEntries(Map.entry("de", "from"), Map.entry("à", "to"),
            Map.entry("a", "to"), Map.entry("objet", "subject"), Map.entry("étiquette", "label"),
            Map.entry("etiquette", "label"), Map.entry("dossier", "in"), Map.entry("est", "is"), Map.entry("avant", "before"),
            Map.entry("après", "after"), Map.entry("apres", "after"), Map.entry("taille", "larger"));
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SIZE = Pattern.compile("(?i)(\\d+)\\s*([kmg]?)o?b?");

    public static SearchQuery parse(String q) {
        String input = q == null ? "" : q.strip();
        Matcher attachmentWord = ATTACHMENT_WORD.matcher(input);
        boolean attachmentAsked = attachmentWord.find();
        input = attachmentWord.replaceAll(" ");
        List<String> from = new ArrayList<>();
        List<String> to = new ArrayList<>();
        List<String> subject = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        boolean hasAttachment = attachmentAsked;
        boolean flagged = false;
        Boolean unread = null;
        String in = null;
        LocalDate before = null;
        LocalDate after = null;
        Long larger = null;
        Matcher matcher = OPERATOR.matcher(input);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(2).replaceAll("^\"|\"$", "");
            String operator = matcher.group(1).toLowerCase(Locale.ROOT);
            switch (FRENCH.getOrDefault(operator, operator)) {
                case "from" -> from.add(value);
                case "to" -> to.add(value);
                case "subject" -> subject.add(value);
                case "label" -> labels.add(value);
                case "in" -> in = value;
                case "has" -> hasAttachment |= is(value, "attachment", "pj", "piece-jointe", "pièce-jointe");
                case "is" -> {
                    switch (value.toLowerCase(Locale.ROOT)) {
                        case "unread", "nonlu", "non-lu" -> unread = true;
                        case "read", "lu" -> unread = false;
                        case "flagged", "suivi", "starred" -> flagged = true;
                        default -> throw invalid("« is:" + value + " » n'est pas reconnu : utilisez is:unread, is:read ou is:flagged.");
                    }
                }
                case "before" -> before = date(value);
                case "after" -> after = date(value);
                case "larger" -> larger = size(value);
                default -> throw new IllegalStateException(matcher.group(1));
            }
            matcher.appendReplacement(text, " ");
        }
        matcher.appendTail(text);
        return new SearchQuery(text.toString().replaceAll("\\s+", " ").strip(), from, to, subject, hasAttachment, labels,
                in, unread, flagged, before, after, larger);
    }

    public boolean hasText() {
        return !text.isEmpty();
    }

    private static boolean is(String value, String... names) {
        for (String name : names) {
            if (name.equalsIgnoreCase(value)) {
                return true;
            }
        }
        throw invalid("« has:" + value + " » n'est pas reconnu : utilisez has:attachment.");
    }

    private static LocalDate date(String value) {
        try {
            return value.contains("/") ? LocalDate.parse(value, FRENCH_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("La date « " + value + " » n'est pas comprise : écrivez-la JJ/MM/AAAA ou AAAA-MM-JJ "
                    + "(par exemple 30/11/2026).");
        }
    }

    private static long size(String value) {
        Matcher matcher = SIZE.matcher(value);
        if (!matcher.matches()) {
            throw invalid("La taille « " + value + " » n'est pas comprise : écrivez par exemple larger:5M ou larger:500K.");
        }
        long number = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> number * 1024;
            case "m" -> number * 1024 * 1024;
            case "g" -> number * 1024 * 1024 * 1024;
            default -> number;
        };
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.invalid("urn:portail:mail:invalid-search", "q", detail);
    }
}

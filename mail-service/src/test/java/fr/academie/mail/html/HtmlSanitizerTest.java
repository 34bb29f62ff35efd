package fr.academie.mail.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fifty hostile or tricky bodies (src/test/resources/xss/vectors.txt: classic XSS, and the webmail CVE classes:
 * SVG/animate, CSS expression and url(javascript:), data: URIs, malformed tags, base, meta refresh, srcdoc,
 * entity-encoded javascript:): what comes out holds only allowed elements, attributes and URLs.
 */
class HtmlSanitizerTest {

    private static final Set<String> ELEMENTS = Set.of("p", "div", "span", "br", "hr", "b", "i", "u", "s", "strike", "strong",
            "em", "small", "big", "sub", "sup", "font", "center", "blockquote", "pre", "code", "tt", "q", "cite", "abbr",
            "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody",
            "tfoot", "tr", "td", "th", "colgroup", "col", "a", "img", "body", "html", "head", "#root");
    private static final Set<String> ATTRIBUTES = Set.of("align", "valign", "width", "height", "dir", "lang", "title",
            "colspan", "rowspan", "bgcolor", "border", "cellpadding", "cellspacing", "color", "face", "size", "href",
            "target", "rel", "src", "alt", "style", "data-blocked", "class");
    private static final Pattern SAFE_URL = Pattern.compile("(https?://|mailto:|/api/mail/).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSAFE_CSS = Pattern.compile("expression|url\\s*\\(|javascript|behavior|binding|@import",
            Pattern.CASE_INSENSITIVE);

    static List<String> vectors() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/xss/vectors.txt"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
    }

    @Test
    void thereAreAtLeastFortyVectors() throws IOException {
        assertTrue(vectors().size() >= 40);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void nothingThatRunsOrReachesOutSurvives(String vector) {
        String safe = HtmlSanitizer.sanitize(vector, false, Map.of("logo@ac", "/api/mail/messages/m/attachments/a")).html();
        assertEquals(List.of(), violations(safe), vector + " → " + safe);
    }

    @Test
    void theCheckFindsWhatAnUnsanitisedBodyHolds() throws IOException {
        long caught = vectors().stream().filter(vector -> !violations(vector).isEmpty()).count();
        assertTrue(caught >= 45, caught + " of the raw vectors break the rules the sanitised ones follow");
    }

    /** What the HTML holds beyond the allowed elements, attributes, URLs and CSS. */
    private static List<String> violations(String html) {
        List<String> found = new java.util.ArrayList<>();
        if (html.toLowerCase(Locale.ROOT).contains("<script")) {
            found.add("a script element");
        }
        for (Element element : Jsoup.parse(html).getAllElements()) {
            String tag = element.tagName().toLowerCase(Locale.ROOT);
            if (!ELEMENTS.contains(tag)) {
                found.add("<" + tag + ">");
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (!ATTRIBUTES.contains(name)) {
                    found.add("attribute " + name);
                } else if ((name.equals("href") || name.equals("src")) && !SAFE_URL.matcher(attribute.getValue().trim()).matches()) {
                    found.add("URL " + attribute.getValue());
                } else if (name.equals("class") && !(tag.equals("div") && attribute.getValue().equals("signature"))) {
                    found.add("class " + attribute.getValue());
                } else if (name.equals("style") && UNSAFE_CSS.matcher(attribute.getValue()).find()) {
                    found.add("CSS " + attribute.getValue());
                }
            }
        }
        return found;
    }

    @Test
    void onlyTheEditorsSignatureBlockKeepsAClass() {
        assertEquals("<div class=\"signature\">Léna</div>",
                HtmlSanitizer.sanitize("<div class=\"signature\">Léna</div>", false, Map.of()).html());
        assertEquals("<div>x</div>y", HtmlSanitizer.sanitize( // a bare span is dropped by the policy
                "<div class=\"portail-session signature\">x</div><span class=\"signature\">y</span>", false, Map.of()).html());
    }

    @Test
    void formattingIsKept() {
        assertEquals("<p style=\"color:red;font-weight:bold\">texte rouge</p>",
                HtmlSanitizer.sanitize("<p style=\"color:red;font-weight:bold\">texte rouge</p>", false, Map.of()).html());
        assertEquals("<table border=\"1\"><tbody><tr><td colspan=\"2\"><b>Total</b></td></tr></tbody></table>",
                HtmlSanitizer.sanitize("<table border=1><tr><td colspan=2><b>Total</b></td></tr></table>", false, Map.of()).html());
    }

    @Test
    void linksOpenInANewTabWithoutOpenerNorReferrer() {
        assertEquals("<a href=\"https://example.org/ok\" target=\"_blank\" rel=\"noopener noreferrer\">lien</a>",
                HtmlSanitizer.sanitize("<a href=\"https://example.org/ok\" target=\"_self\" rel=\"opener\">lien</a>", false, Map.of()).html());
    }

    @Test
    void remoteImagesAreBlockedUntilThePersonAsks() {
        String html = "<img src=\"https://tracker.example.com/p.gif\" width=\"1\" height=\"1\">";
        HtmlSanitizer.Sanitized blocked = HtmlSanitizer.sanitize(html, false, Map.of());
        assertTrue(blocked.remoteImagesBlocked());
        assertFalse(blocked.html().contains("tracker.example.com"), blocked.html());
        HtmlSanitizer.Sanitized shown = HtmlSanitizer.sanitize(html, true, Map.of());
        assertFalse(shown.remoteImagesBlocked());
        assertTrue(shown.html().contains("src=\"https://tracker.example.com/p.gif\""), shown.html());
    }

    @Test
    void imagesOfTheMessageItselfPointAtItsParts() {
        HtmlSanitizer.Sanitized sanitized = HtmlSanitizer.sanitize("<img src=\"cid:logo@ac\" alt=\"logo\"><img src=\"cid:unknown\">",
                false, Map.of("logo@ac", "/api/mail/messages/m/attachments/a"));
        assertEquals("<img src=\"/api/mail/messages/m/attachments/a\" alt=\"logo\"><img>", sanitized.html());
        assertFalse(sanitized.remoteImagesBlocked());
    }
}

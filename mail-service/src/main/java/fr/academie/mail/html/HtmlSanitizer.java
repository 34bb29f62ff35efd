package fr.academie.mail.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An HTML body made safe to show: OWASP's policy sanitizer keeps formatting, tables, links and images and
 * drops everything that runs or reaches out (scripts, event handlers, forms, frames, SVG and MathML, base and
 * meta, javascript: and data: URLs, CSS outside a property-by-property allow-list, so no expression() nor
 * url()). Then, with jsoup: links open in a new tab without referrer or opener; remote images are blocked
 * unless the person asked for them; images of the message itself (cid:) point at its parts.
 */
public final class HtmlSanitizer {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "div", "span", "br", "hr", "b", "i", "u", "s", "strike", "strong", "em", "small", "big",
                    "sub", "sup", "font", "center", "blockquote", "pre", "code", "tt", "q", "cite", "abbr",
                    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
                    "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "colgroup", "col", "a", "img")
            .allowAttributes("align", "valign", "width", "height", "dir", "lang", "title").globally()
            .allowAttributes("colspan", "rowspan", "bgcolor", "border", "cellpadding", "cellspacing")
            .onElements("table", "tr", "td", "th", "col", "colgroup")
            .allowAttributes("color", "face", "size").onElements("font")
            .allowAttributes("href").onElements("a")
            .allowAttributes("src", "alt").onElements("img")
            // the editor's signature block, so that choosing another signature replaces it (no style comes with it)
            .allowAttributes("class").matching(java.util.regex.Pattern.compile("signature")).onElements("div")
            .allowUrlProtocols("http", "https", "mailto", "cid")
            .allowStyling()
            .toFactory();

    private static final Pattern REMOTE = Pattern.compile("^https?://.*", Pattern.CASE_INSENSITIVE);

    private HtmlSanitizer() {
    }

    /** The safe HTML, and whether remote images were removed from it. */
    public record Sanitized(String html, boolean remoteImagesBlocked) {
    }

    /**
     * HTML a person wrote (the editor's, a signature) made safe to keep and send: what {@link #sanitize} keeps,
     * remote images included (the author put them there), links opening in a new tab.
     */
    public static String forSending(String html) {
        return sanitize(html == null ? "" : html, true, Map.of()).html();
    }

    /**
     * @param showRemoteImages the person asked to see this message's images (or trusts its sender)
     * @param inlineParts      content id (without angle brackets) → the address of that part of the message
     */
    public static Sanitized sanitize(String html, boolean showRemoteImages, Map<String, String> inlineParts) {
        Document document = Jsoup.parseBodyFragment(POLICY.sanitize(html));
        for (Element link : document.select("a[href]")) {
            link.attr("target", "_blank");
            link.attr("rel", "noopener noreferrer");
        }
        boolean blocked = false;
        for (Element image : document.select("img")) {
            String src = image.attr("src").trim();
            if (src.toLowerCase(Locale.ROOT).startsWith("cid:")) {
                String part = inlineParts.get(src.substring(4));
                if (part != null) {
                    image.attr("src", part);
                } else {
                    image.removeAttr("src");
                }
            } else if (REMOTE.matcher(src).matches()) {
                if (!showRemoteImages) {
                    image.removeAttr("src");
                    image.attr("data-blocked", "");
                    blocked = true;
                }
            } else {
                image.removeAttr("src");
            }
        }
        document.outputSettings().prettyPrint(false);
        return new Sanitized(document.body().html(), blocked);
    }
}

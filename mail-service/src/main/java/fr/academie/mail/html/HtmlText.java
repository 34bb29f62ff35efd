package fr.academie.mail.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * The plain-text version of an HTML body, sent beside it (multipart/alternative) for text-only readers: blocks
 * on their own lines, quoted blocks prefixed with "> " as mail clients show them, links followed by their address.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "hr", "table", "ul", "ol");

    private HtmlText() {
    }

    public static String of(String html) {
        StringBuilder text = new StringBuilder();
        int[] depth = new int[1];
        Jsoup.parseBodyFragment(html == null ? "" : html).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int level) {
                if (node instanceof TextNode textNode) {
                    append(text, textNode.text(), depth[0]);
                } else if (node instanceof Element element) {
                    if (BLOCKS.contains(element.normalName())) {
                        newLine(text);
                    }
                    if (element.normalName().equals("blockquote")) {
                        depth[0]++;
                    }
                }
            }

            @Override
            public void tail(Node node, int level) {
                if (node instanceof Element element) {
                    if (element.normalName().equals("blockquote")) {
                        depth[0]--;
                    }
                    if (element.normalName().equals("a") && element.hasAttr("href")
                            && !element.attr("href").equals(element.text()) && !element.attr("href").startsWith("mailto:")) {
                        append(text, " <" + element.attr("href") + ">", depth[0]);
                    }
                    if (BLOCKS.contains(element.normalName()) && !element.normalName().equals("br")) {
                        newLine(text);
                    }
                }
            }
        });
        return text.toString().replaceAll("(?m)[ \\t]+$", "").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    private static void append(StringBuilder text, String words, int depth) {
        if (words.isEmpty()) {
            return;
        }
        if (text.isEmpty() || text.charAt(text.length() - 1) == '\n') {
            text.append("> ".repeat(depth));
        }
        text.append(words);
    }

    private static void newLine(StringBuilder text) {
        if (!text.isEmpty()) {
            text.append('\n');
        }
    }
}

package fr.academie.mail.search;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.common.problem.ProblemException;
import fr.academie.mail.folder.FolderResource;
import fr.academie.mail.label.LabelService;
import fr.academie.mail.label.LabelTag;
import fr.academie.mail.message.MessageSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /search?q=&folderId=&limit=&cursor=}: the caller's messages matching the query, in every folder or
 * one. Each hit carries a {@code headline}: the matching passage, HTML-escaped, the matches in {@code <mark>}.
 */
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchService search;
    private final LabelService labels;
    private final JsonWebToken token;

    public SearchResource(SearchService search, LabelService labels, JsonWebToken token) {
        this.search = search;
        this.labels = labels;
        this.token = token;
    }

    public record Hit(MessageSummary message, String headline) {
    }

    @GET
    public Page<Hit> search(@QueryParam("q") String q, @QueryParam("folderId") UUID folderId,
                            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        if (q == null || q.isBlank()) {
            throw ProblemException.invalid("urn:portail:mail:invalid-search", "q", "Saisissez ce que vous cherchez.");
        }
        int size = Cursor.limit(limit);
        int offset = offset(cursor);
        SearchService.Hits hits = search.search(token.getSubject(), SearchQuery.parse(q), folderId, offset, size)
                .orElseThrow(FolderResource::notFound);
        Map<UUID, List<LabelTag>> tags = labels.of(hits.messages().stream().map(m -> m.id).toList());
        List<Hit> items = hits.messages().stream().map(m -> new Hit(MessageSummary.of(m, tags.getOrDefault(m.id, List.of())),
                marked(hits.headlines().get(m.id)))).toList();
        return new Page<>(items, hits.more() ? encode(offset + size) : null);
    }

    /** The headline, escaped, its matches (between \u0002 and \u0003) in {@code <mark>}. */
    static String marked(String headline) {
        if (headline == null) {
            return null;
        }
        String escaped = headline.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return escaped.replace("\u0002", "<mark>").replace("\u0003", "</mark>");
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int offset = Integer.parseInt(decoded.substring(1));
            if (!decoded.startsWith("o") || offset < 0) {
                throw new IllegalArgumentException(decoded);
            }
            return offset;
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw ProblemException.invalid("urn:portail:invalid-cursor", "cursor",
                    "Le curseur de page n'est pas valide : repartez de la première page.");
        }
    }
}

package fr.academie.mail.message;

import jakarta.ws.rs.core.Response;
import org.jsoup.nodes.Entities;

/**
 * A message's body as a page of its own, shown by the reader in a sandboxed frame: its sanitised HTML (or its text),
 * a small style sheet, and a policy that lets it run nothing and reach nothing but images.
 */
final class BodyPage {

    static final String POLICY = "default-src 'none'; img-src 'self' data: https:; style-src 'unsafe-inline'; "
            + "font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; "
            + "sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox";
    private static final String HEAD = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><style>"
            + "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:.25rem;"
            + "overflow-wrap:anywhere;color:#161616}img{max-width:100%;height:auto}"
            + "blockquote{border-left:2px solid #ccc;margin:0 0 0 .5rem;padding-left:.75rem;color:#444}"
            + "</style></head><body>";

    private BodyPage() {
    }

    static Response of(MessageView message) {
        String html = message.html() != null ? message.html()
                : "<pre style=\"white-space:pre-wrap;font-family:inherit\">"
                + Entities.escape(message.text() == null ? "" : message.text()) + "</pre>";
        return Response.ok(HEAD + html + "</body></html>", "text/html; charset=utf-8")
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store").build();
    }
}

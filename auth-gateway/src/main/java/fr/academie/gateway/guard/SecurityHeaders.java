package fr.academie.gateway.guard;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import java.util.regex.Pattern;

/**
 * The headers every gateway answer carries, pages, API and relayed answers alike. The policy allows no
 * inline script or style: the SPA is bundled files of this origin, and Lit's styles are constructed
 * style sheets, which the policy does not govern. One exception: the HTML body of a message, which the webmail
 * shows in a frame of its own, sandboxed without scripts, where the message's inline styles and (once the
 * person asked) its remote images may apply, and nothing else.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
            "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'",
            "form-action 'self'", "frame-ancestors 'none'");

    static final String MESSAGE_BODY_POLICY = String.join("; ",
            "default-src 'none'", "img-src 'self' data: https:", "style-src 'unsafe-inline'", "font-src data:",
            "base-uri 'none'", "form-action 'none'", "frame-ancestors 'self'",
            // no allow-scripts: nothing in a message can run, so the frame may keep its origin (inline images)
            "sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox");
    private static final Pattern MESSAGE_BODY = Pattern.compile("/api/mail/messages/[0-9a-fA-F-]{36}/body");

    private SecurityHeaders() {
    }

    static void add(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            boolean messageBody = MESSAGE_BODY.matcher(context.request().path()).matches();
            headers.set("Content-Security-Policy", messageBody ? MESSAGE_BODY_POLICY : CONTENT_SECURITY_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", messageBody ? "SAMEORIGIN" : "DENY");
            headers.set("Referrer-Policy", "same-origin");
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
            // what the API answers is personal: never kept in the browser's cache (a shared or family device)
            if (context.request().path().startsWith("/api/")) {
                headers.set("Cache-Control", "no-store");
            }
            // RFC 6797 §7.2: only over a secure transport (here, or at the trusted proxy in front)
            if ("https".equals(context.request().scheme())) {
                headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
        });
        context.next();
    }
}

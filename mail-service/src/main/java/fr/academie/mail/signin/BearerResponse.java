package fr.academie.mail.signin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * A client's OAUTHBEARER (RFC 7628: {@code n,a=user,^Aauth=Bearer token^A^A}, the user optional) or XOAUTH2
 * ({@code user=user^Aauth=Bearer token^A^A}) response, base64-encoded. James 3.8.1's own parser reads only the second
 * form, so Thunderbird's OAUTHBEARER would be refused: this reads both.
 *
 * @param user  whom the client names ("" when it names no one)
 * @param token the access token
 */
record BearerResponse(String user, String token) {

    private static final String SEPARATOR = "\u0001";

    static Optional<BearerResponse> parse(String base64) {
        String text;
        try {
            text = new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String user = "";
        String rest = text;
        if (text.startsWith("n,") || text.startsWith("y,")) { // the GS2 header (RFC 5801): [a=authzid],
            int end = text.indexOf(',', 2);
            if (end < 0) {
                return Optional.empty();
            }
            String authzid = text.substring(2, end);
            user = authzid.startsWith("a=") ? authzid.substring(2).replace("=2C", ",").replace("=3D", "=") : "";
            rest = text.substring(end + 1);
        }
        String token = null;
        for (String pair : rest.split(SEPARATOR)) {
            if (pair.startsWith("user=") && user.isEmpty()) {
                user = pair.substring("user=".length());
            } else if (pair.toLowerCase(Locale.ROOT).startsWith("auth=bearer ")) {
                if (token != null) {
                    return Optional.empty(); // two tokens: which one?
                }
                token = pair.substring("auth=bearer ".length()).strip();
            }
        }
        return token == null || token.isEmpty() ? Optional.empty() : Optional.of(new BearerResponse(user, token));
    }
}

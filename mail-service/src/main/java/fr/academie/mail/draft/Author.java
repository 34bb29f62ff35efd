package fr.academie.mail.draft;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who writes: the token's subject, name and académie address. */
public record Author(String id, String name, String address) {

    public static Author of(JsonWebToken token) {
        String name = token.getClaim("name");
        return new Author(token.getSubject(), name == null ? token.getClaim("preferred_username") : name,
                token.getClaim("email"));
    }
}

package fr.academie.iprof.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The reader of the current request, from its verified token. */
@ApplicationScoped
public class Readers {

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public Readers(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public Reader current() {
        String name = token.getClaim("name");
        String identifier = token.getClaim("preferred_username");
        return new Reader(token.getSubject(), identifier, name == null ? identifier : name, identity.getRoles(),
                token.getClaim("uai"));
    }
}

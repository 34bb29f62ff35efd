package fr.academie.keycloak;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;

/** What the académie's provider factories share when they have no configuration and nothing to start or stop. */
public abstract class StatelessFactory {

    public void init(Config.Scope config) {
        // no configuration
    }

    public void postInit(KeycloakSessionFactory factory) {
        // nothing to start
    }

    public void close() {
        // nothing to release
    }
}

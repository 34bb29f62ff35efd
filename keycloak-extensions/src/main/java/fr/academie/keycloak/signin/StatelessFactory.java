package fr.academie.keycloak.signin;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;

/** What the journal's provider factories share: no configuration, nothing to start or stop. */
abstract class StatelessFactory {

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

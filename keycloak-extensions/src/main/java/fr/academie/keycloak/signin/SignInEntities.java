package fr.academie.keycloak.signin;

import fr.academie.keycloak.StatelessFactory;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;

import java.util.List;

/** Adds the sign-in journal's table to Keycloak's database (Liquibase changelog in the jar). */
public class SignInEntities extends StatelessFactory implements JpaEntityProvider, JpaEntityProviderFactory {

    public static final String ID = "portail-sign-ins";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(SignInEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/portail-sign-in-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return ID;
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return ID;
    }
}

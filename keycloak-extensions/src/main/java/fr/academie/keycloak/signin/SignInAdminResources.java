package fr.academie.keycloak.signin;

import fr.academie.keycloak.StatelessFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts {@link SignInAdminResource} under the realm's admin API, at {@code /admin/realms/<realm>/portail}. */
public class SignInAdminResources extends StatelessFactory implements AdminRealmResourceProvider, AdminRealmResourceProviderFactory {

    public static final String ID = "portail";

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        return new SignInAdminResource(session, realm, auth);
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return ID;
    }
}

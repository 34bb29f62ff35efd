package fr.academie.gateway.account;

import jakarta.inject.Singleton;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.keycloak.admin.client.Keycloak;

/** Sends the admin client's own client-credentials token (the {@code portail-admin} client), renewed by it. */
@Singleton
class AdminTokenFilter implements ClientRequestFilter {

    private final Keycloak keycloak;

    AdminTokenFilter(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle("Authorization", "Bearer " + keycloak.tokenManager().getAccessTokenString());
    }
}

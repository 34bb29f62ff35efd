package fr.academie.gateway;

import fr.academie.stack.testing.SignedIn;
import com.fasterxml.jackson.databind.JsonNode;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One sign-in for every academic application of the realm: a person signed in to the portal enters Pronote or
 * Éduconnect with no form, and signing out of the portal ends their session there too.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class SsoWithOtherApplicationsTest {

    @TestHTTPResource("/")
    URI gateway;

    @ParameterizedTest
    @ValueSource(strings = {"pronote", "educonnect"})
    void signedInToThePortalTheApplicationOpensWithoutAFormAndSigningOutEndsIt(String application) {
        Browser lena = SignedIn.as(gateway, "lmartin");
        Tokens tokens = new Tokens(TestStack.get().realmUrl());
        Tokens.Client client = TestStack.get().client(application);
        String verifier = Tokens.random();

        HttpResponse<String> sso = lena.get(tokens.authorizationUri(client, Tokens.challenge(verifier)));
        assertTrue(Browser.isRedirect(sso), "no login form: " + sso.statusCode());
        URI back = Browser.location(sso);
        assertTrue(back.toString().startsWith(client.redirectUri()) && back.getQuery().contains("code="), back.toString());
        JsonNode session = tokens.exchange(client, Tokens.queryParameter(back, "code"), verifier);
        assertEquals(200, tokens.refresh(client, session.get("refresh_token").asText()).statusCode(), "the session lives");

        lena.follow(lena.get(gateway.resolve("/deconnexion")));
        HttpResponse<String> refused = tokens.refresh(client, session.get("refresh_token").asText());
        assertEquals(400, refused.statusCode(), "signing out of the portal ended the session in " + application);
        assertTrue(refused.body().contains("invalid_grant"), refused.body());
        HttpResponse<String> again = lena.get(tokens.authorizationUri(client, Tokens.challenge(Tokens.random())));
        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("kc-form-login"), "the login form shows again");
    }

    @Test
    void signingOutOfPronoteEndsThePortalSessionAtItsNextRequest() {
        Browser lena = SignedIn.as(gateway, "lmartin");
        Tokens tokens = new Tokens(TestStack.get().realmUrl());
        Tokens.Client pronote = TestStack.get().client("pronote");
        String verifier = Tokens.random();
        URI back = Browser.location(lena.get(tokens.authorizationUri(pronote, Tokens.challenge(verifier))));
        JsonNode session = tokens.exchange(pronote, Tokens.queryParameter(back, "code"), verifier);
        assertEquals(200, lena.get(gateway.resolve("/api/me")).statusCode());

        // Pronote's own "se déconnecter": RP-initiated logout with its ID token, in the same browser
        HttpResponse<String> loggedOut = lena.follow(lena.get(URI.create(TestStack.get().realmUrl()
                + "/protocol/openid-connect/logout?id_token_hint=" + session.get("id_token").asText())));
        assertEquals(200, loggedOut.statusCode(), loggedOut.body());

        assertEquals(401, lena.get(gateway.resolve("/api/me")).statusCode(),
                "Keycloak's back-channel logout reached the gateway: the portal session is over too");
    }
}

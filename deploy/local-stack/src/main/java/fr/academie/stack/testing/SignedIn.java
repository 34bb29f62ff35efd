package fr.academie.stack.testing;

import fr.academie.stack.DemoAccounts;

import java.net.URI;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A browser signed in to the gateway through the real Keycloak form (cookie check included). */
public final class SignedIn {

    private SignedIn() {
    }

    public static Browser as(URI gateway, String username) {
        return as(gateway, username, new Browser());
    }

    /** Signs in with the given browser (its User-Agent...), through the second factor where the account has one. */
    public static Browser as(URI gateway, String username, Browser browser) {
        HttpResponse<String> toKeycloak = browser.follow(browser.get(gateway.resolve("/")), SignedIn::isKeycloak);
        assertTrue(isKeycloak(Browser.location(toKeycloak)), () -> "sent to Keycloak: " + toKeycloak.headers());
        HttpResponse<String> loginPage = browser.get(Browser.location(toKeycloak));
        HttpResponse<String> back = browser.follow(Tokens.secondFactor(browser, username,
                browser.submitLogin(loginPage, username, DemoAccounts.PASSWORD)));
        assertEquals(200, back.statusCode(), () -> "signed in as " + username + ": " + back.body());
        return browser;
    }

    /** Keycloak's sign-in page, reached from the portal as a browser without a session is (cookie check included). */
    public static HttpResponse<String> loginPage(URI gateway, Browser browser) {
        return browser.get(Browser.location(browser.follow(browser.get(gateway.resolve("/")), SignedIn::isKeycloak)));
    }

    public static boolean isKeycloak(URI uri) {
        return uri.toString().startsWith(TestStack.get().realmUrl());
    }
}

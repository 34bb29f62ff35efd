package fr.academie.gateway;

import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.TestStack;

import java.net.URI;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A browser signed in to the gateway through the real Keycloak form (cookie check included). */
final class SignedIn {

    private SignedIn() {
    }

    static Browser as(URI gateway, String username) {
        Browser browser = new Browser();
        HttpResponse<String> toKeycloak = browser.follow(browser.get(gateway.resolve("/")), SignedIn::isKeycloak);
        assertTrue(isKeycloak(Browser.location(toKeycloak)), () -> "sent to Keycloak: " + toKeycloak.headers());
        HttpResponse<String> loginPage = browser.get(Browser.location(toKeycloak));
        HttpResponse<String> back = browser.follow(browser.submitLogin(loginPage, username, DemoAccounts.PASSWORD));
        assertEquals(200, back.statusCode(), () -> "signed in as " + username + ": " + back.body());
        return browser;
    }

    static boolean isKeycloak(URI uri) {
        return uri.toString().startsWith(TestStack.get().realmUrl());
    }
}

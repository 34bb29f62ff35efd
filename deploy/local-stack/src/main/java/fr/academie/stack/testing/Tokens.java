package fr.academie.stack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real tokens for demo users, obtained as a real client does: the authorization-code flow with PKCE,
 * through Keycloak's login form, then the code exchanged at the token endpoint. Never signed here.
 */
public final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOTP_SECRET = Pattern.compile("name=\"totpSecret\" value=\"([^\"]+)\"");

    private final String realmUrl;

    public Tokens(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** The client's view of one sign-in: its id, secret and a redirect URI registered for it. */
    public record Client(String clientId, String secret, String redirectUri) {
    }

    /** Signs the user in to the client and returns the token response (access_token, id_token...). */
    public JsonNode signIn(Client client, String username, String password) {
        Browser browser = new Browser();
        String verifier = random();
        HttpResponse<String> loginPage = browser.get(authorizationUri(client, challenge(verifier)));
        HttpResponse<String> afterLogin = secondFactor(browser, username,
                browser.submitLogin(loginPage, username, password));
        if (!Browser.isRedirect(afterLogin) || !Browser.location(afterLogin).toString().startsWith(client.redirectUri())) {
            throw new IllegalStateException("Sign-in of " + username + " to " + client.clientId()
                    + " did not come back with a code (status " + afterLogin.statusCode() + ")");
        }
        return exchange(client, queryParameter(Browser.location(afterLogin), "code"), verifier);
    }

    /** Exchanges an authorization code at the token endpoint, as the client's back end does. */
    public JsonNode exchange(Client client, String code, String verifier) {
        return tokenResponse(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", client.redirectUri(), "client_id", client.clientId(), "client_secret", client.secret(),
                "code_verifier", verifier));
    }

    /** The token endpoint's answer to a refresh, as is: 200 while the session lives, 400 once it has ended. */
    public HttpResponse<String> refresh(Client client, String refreshToken) {
        return new Browser().postForm(URI.create(realmUrl + "/protocol/openid-connect/token"), Map.of(
                "grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", client.clientId(), "client_secret", client.secret()));
    }

    private JsonNode tokenResponse(Map<String, String> form) {
        HttpResponse<String> response = new Browser().postForm(URI.create(realmUrl + "/protocol/openid-connect/token"), form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request failed: " + response.statusCode() + " " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token of the client's own service account (client-credentials grant), as another service gets one. */
    public String clientCredentials(Client client) {
        return tokenResponse(Map.of("grant_type", "client_credentials", "client_id", client.clientId(),
                "client_secret", client.secret())).get("access_token").asText();
    }

    /**
     * Where the password step led to Keycloak's second-factor pages, goes through them as the person's phone
     * app would: enrols a new secret (remembered by {@link Totp}) or enters the current code.
     */
    public static HttpResponse<String> secondFactor(Browser browser, String username, HttpResponse<String> response) {
        // Keycloak may first redirect to its required-action page: follow while the redirects stay on Keycloak
        URI keycloak = response.uri();
        HttpResponse<String> page = browser.follow(response, next -> !Objects.equals(next.getAuthority(),
                keycloak.getAuthority()));
        if (page.statusCode() != 200) {
            return page;
        }
        Matcher secret = TOTP_SECRET.matcher(page.body());
        if (page.body().contains("id=\"kc-totp-settings-form\"") && secret.find()) {
            Totp.remember(username, Totp.base32(secret.group(1)));
            return browser.postForm(Browser.formAction(page), Map.of("totp", Totp.nextCode(username),
                    "totpSecret", secret.group(1), "userLabel", "Téléphone de test"));
        }
        if (page.body().contains("id=\"kc-otp-login-form\"")) {
            return browser.postForm(Browser.formAction(page), Map.of("otp", Totp.nextCode(username)));
        }
        return page;
    }

    /** The authorization request a browser would be sent to, with a fresh state and the PKCE challenge. */
    public URI authorizationUri(Client client, String challenge) {
        return URI.create(realmUrl + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + encode(client.clientId()) + "&redirect_uri=" + encode(client.redirectUri())
                + "&state=" + random() + "&code_challenge=" + challenge + "&code_challenge_method=S256");
    }

    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name)) {
                return java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("No " + name + " in " + uri);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package fr.academie.gateway.web;

import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.SignedIn;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What surrounds the pages: the web app's manifest and icons (public, as a browser fetches them without cookies), no
 * API answer kept in the browser's cache, "Assistance" open to anyone, and a French page for an address the portal
 * does not have.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class PortalShellTest {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void theManifestAndItsIconsAreServedToAnyone() {
        JsonPath manifest = given().redirects().follow(false).get("/manifest.webmanifest").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("Portail agents", manifest.getString("short_name"));
        assertEquals("/", manifest.getString("start_url"));
        assertEquals("fr", manifest.getString("lang"));
        List<String> icons = manifest.getList("icons.src");
        assertTrue(manifest.getList("icons.sizes").containsAll(List.of("192x192", "512x512")), icons.toString());
        for (String icon : icons) {
            given().redirects().follow(false).get(icon).then().statusCode(200).contentType(startsWith("image/"));
        }
        given().redirects().follow(false).get("/favicon.ico").then().statusCode(200).contentType(startsWith("image/"));
    }

    @Test
    void noApiAnswerIsKeptInTheBrowsersCache() {
        given().get("/api/me").then().statusCode(401).header("Cache-Control", "no-store");
        given().get("/api/inexistant").then().statusCode(404).contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("detail", containsString("Cette adresse ne correspond à aucune ressource"));
    }

    @Test
    void assistanceIsOpenToAnyoneAndItsClockIsThePortals() {
        given().redirects().follow(false).get("/assistance").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<h1>Assistance</h1>"), containsString("href=\"/assistance/diagnostic\""));
        given().redirects().follow(false).get("/assistance/cookies").then().statusCode(200)
                .body(containsString("Veuillez activer les cookies"));
        given().redirects().follow(false).get("/assistance/inexistante").then().statusCode(404)
                .body(containsString("<h1>Page introuvable</h1>"));
        long before = System.currentTimeMillis();
        long clock = given().get("/assistance/diagnostic/heure").then().statusCode(200).extract().jsonPath().getLong("maintenant");
        assertTrue(clock >= before - 1_000 && clock <= System.currentTimeMillis() + 1_000, "the portal's time: " + clock);
    }

    @Test
    void anAddressThePortalDoesNotHaveIsAFrenchPageNamingIt() {
        Browser lena = SignedIn.as(gateway, TestStack.get().newAccount("personnel").username());
        HttpResponse<String> page = lena.get(gateway.resolve("/messagrie/%3Cb%3Eboite%3C/b%3E"));
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<h1>Page introuvable</h1>") && page.body().contains("&lt;b&gt;boite&lt;/b&gt;"),
                page.body());
        assertFalse(page.body().contains("<b>boite</b>"), "the address is shown as text");
        // the portal's own pages are still the portal
        assertEquals(200, lena.get(gateway.resolve("/messagerie/regles")).statusCode());
    }
}

package fr.academie.gateway;

import fr.academie.gateway.guard.RequestGuard;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** Without a session: the API answers a 401 problem (never a redirect), pages send the person to sign in. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class AnonymousAccessTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/me", "/api/mail/folders", "/api/iprof/agents/me", "/api/colibris/requests"})
    void theApiAnswersAnUnauthenticatedProblem(String path) {
        given().redirects().follow(false)
                .when().get(path)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", is("urn:portail:unauthenticated"))
                .body("detail", containsString("Reconnectez-vous"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/me", "/api/mail/folders"})
    void aForgedSessionCookieIsAnUnauthenticatedProblem(String path) {
        given().redirects().follow(false).cookie("q_session", "forged-reference")
                .when().get(path)
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/messagerie", "/compte", "/connexion?retour=/carriere"})
    void aPageSendsThePersonToSignIn(String path) {
        given().redirects().follow(false).cookie(RequestGuard.COOKIE_CHECK, "1")
                .when().get(path)
                .then().statusCode(302)
                .header("Location", startsWith(TestStack.get().realmUrl() + "/protocol/openid-connect/auth"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health/ready", "/au-revoir.html"})
    void publicPagesNeedNoSession(String path) {
        given().redirects().follow(false).when().get(path).then().statusCode(200);
    }
}

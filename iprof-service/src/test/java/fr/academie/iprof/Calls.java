package fr.academie.iprof;

import fr.academie.stack.testing.TestStack;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** A JSON request as an account of the realm, with the real token Keycloak gives it. */
public final class Calls {

    private Calls() {
    }

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(TestStack.get().accessToken(username)).contentType("application/json");
    }
}

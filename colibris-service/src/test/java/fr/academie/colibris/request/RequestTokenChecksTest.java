package fr.academie.colibris.request;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TokenChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import java.net.URI;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "colibris-service"))
class RequestTokenChecksTest extends TokenChecks {

    @TestHTTPResource("/requests")
    URI requests;

    @Override
    protected URI protectedUri() {
        return requests;
    }

    @Override
    protected String audience() {
        return "colibris-service";
    }
}

package fr.academie.mail.forwarding;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TokenChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import java.net.URI;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class ForwardingTokenChecksTest extends TokenChecks {

    @TestHTTPResource("/forwarding")
    URI forwarding;

    @Override
    protected URI protectedUri() {
        return forwarding;
    }

    @Override
    protected String audience() {
        return "mail-service";
    }
}

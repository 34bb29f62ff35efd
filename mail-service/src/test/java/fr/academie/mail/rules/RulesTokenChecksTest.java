package fr.academie.mail.rules;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TokenChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import java.net.URI;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class RulesTokenChecksTest extends TokenChecks {

    @TestHTTPResource("/rules")
    URI rules;

    @Override
    protected URI protectedUri() {
        return rules;
    }

    @Override
    protected String audience() {
        return "mail-service";
    }
}

package fr.academie.mail.autoreply;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TokenChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import java.net.URI;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class AutoReplyTokenChecksTest extends TokenChecks {

    @TestHTTPResource("/auto-reply")
    URI autoReply;

    @Override
    protected URI protectedUri() {
        return autoReply;
    }

    @Override
    protected String audience() {
        return "mail-service";
    }
}

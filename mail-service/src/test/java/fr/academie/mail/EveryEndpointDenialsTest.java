package fr.academie.mail;

import fr.academie.stack.testing.EndpointDenials;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.util.stream.Stream;

/** Every operation of mail-service's OpenAPI document refuses no token and another audience (401). */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class EveryEndpointDenialsTest {

    @TestHTTPResource("/")
    URI service;

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesNoTokenAndAnotherAudience() throws Exception {
        return EndpointDenials.ofEveryOperation(service, 40);
    }
}

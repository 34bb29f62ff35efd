package fr.academie.mail;

import fr.academie.stack.testing.MalformedRequests;
import fr.academie.stack.testing.MalformedRequests.Caller;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every operation of mail-service's OpenAPI document, sent malformed input by a person, an administrator and the
 * portal's service account (fresh accounts: what a variant happens to create lands nowhere else): no 5xx, every
 * invalid input refused with a problem.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class EveryEndpointMalformedInputTest {

    @TestHTTPResource("/")
    URI service;

    @TestFactory
    Stream<DynamicTest> noMalformedInputBreaksAnOperationOrIsAccepted() throws Exception {
        TestStack stack = TestStack.get();
        String teacher = stack.newAccount("personnel", "enseignant").username();
        String administrator = stack.newAccount("personnel", "admin-academique").username();
        return MalformedRequests.ofEveryOperation(service, 40, List.of(
                Caller.bearer("a teacher", () -> stack.accessToken(teacher)),
                Caller.bearer("an administrator", () -> stack.accessToken(administrator)),
                Caller.bearer("portail-notifier", () -> stack.serviceToken("portail-notifier"))));
    }
}

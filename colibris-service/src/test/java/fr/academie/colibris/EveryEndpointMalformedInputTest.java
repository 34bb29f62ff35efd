package fr.academie.colibris;

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
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every operation of colibris-service's OpenAPI document, sent malformed input by a teacher, a head of school, an
 * inspector and an HR manager (fresh accounts): no 5xx, every invalid input refused with a problem.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "colibris-service"))
class EveryEndpointMalformedInputTest {

    @TestHTTPResource("/")
    URI service;

    @TestFactory
    Stream<DynamicTest> noMalformedInputBreaksAnOperationOrIsAccepted() throws Exception {
        TestStack stack = TestStack.get();
        Map<String, String> school = Map.of("uai", "0450042K");
        String teacher = stack.newAccount(school, "personnel", "enseignant").username();
        String head = stack.newAccount(school, "personnel", "chef-etablissement").username();
        String inspector = stack.newAccount("personnel", "inspecteur").username();
        String hr = stack.newAccount("personnel", "gestionnaire-rh").username();
        return MalformedRequests.ofEveryOperation(service, 20, List.of(
                Caller.bearer("a teacher", () -> stack.accessToken(teacher)),
                Caller.bearer("a head of school", () -> stack.accessToken(head)),
                Caller.bearer("an inspector", () -> stack.accessToken(inspector)),
                Caller.bearer("an HR manager", () -> stack.accessToken(hr))));
    }
}

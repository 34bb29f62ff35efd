package fr.academie.gateway;

import fr.academie.stack.testing.SignedIn;
import fr.academie.gateway.guard.RequestGuard;
import fr.academie.stack.testing.MalformedRequests;
import fr.academie.stack.testing.MalformedRequests.Caller;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every operation of the gateway's own OpenAPI document (its relay to the services is swept in each service), sent
 * malformed input by a signed-in teacher and a signed-in administrator: no 5xx, every invalid input refused with a
 * problem. Its own profile lifts the rate limits, which would otherwise answer most of the sweep with 429.
 */
@QuarkusTest
@TestProfile(EveryEndpointMalformedInputTest.Unlimited.class)
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class EveryEndpointMalformedInputTest {

    @TestHTTPResource("/")
    URI gateway;

    public static class Unlimited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.api-per-address", "100000/PT1M",
                    "gateway.rate-limit.api-per-account", "100000/PT1M");
        }
    }

    @TestFactory
    Stream<DynamicTest> noMalformedInputBreaksAnOperationOrIsAccepted() throws Exception {
        TestStack stack = TestStack.get();
        String teacher = stack.newAccount("personnel", "enseignant").username();
        String administrator = stack.newAccount("personnel", "admin-academique").username();
        return MalformedRequests.ofEveryOperation(gateway, 25, List.of(
                Caller.browser("a teacher", SignedIn.as(gateway, teacher), RequestGuard.CSRF_HEADER),
                Caller.browser("an administrator", SignedIn.as(gateway, administrator), RequestGuard.CSRF_HEADER)));
    }
}

package fr.academie.stack.testing;

import fr.academie.stack.Ports;
import fr.academie.stack.Service;
import fr.academie.stack.Stack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs a module's {@code @QuarkusTest}s against the real stack: PostgreSQL and Keycloak of
 * {@link TestStack}, and for the gateway the three back-end services started from their jars.
 * Init arg {@code service}: the module under test ({@code mail-service}, ..., {@code auth-gateway}).
 */
public class StackTestResource implements QuarkusTestResourceLifecycleManager {

    private Service service;

    @Override
    public void init(Map<String, String> initArgs) {
        String module = initArgs.get("service");
        for (Service candidate : Service.values()) {
            if (candidate.module().equals(module)) {
                service = candidate;
            }
        }
        if (service == null) {
            throw new IllegalArgumentException("StackTestResource needs the init arg service=<module>, not " + module);
        }
    }

    @Override
    public Map<String, String> start() {
        TestStack stack = TestStack.get();
        Map<String, String> config = new HashMap<>(stack.stack().configFor(service));
        config.putAll(Stack.linksFor(service, stack::service));
        if (service == Service.GATEWAY) {
            // the realm must know the gateway's address before the first redirect, so the port is chosen here
            int port = Ports.free();
            config.put("quarkus.http.test-port", String.valueOf(port));
            config.put("gateway.public-url", "http://localhost:" + port);
            stack.stack().registerGateway("http://localhost:" + port);
        }
        return config;
    }

    @Override
    public void stop() {
        // the stack lives as long as the test JVM: TestStack's shutdown hook stops it
    }
}

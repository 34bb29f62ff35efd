package fr.academie.iprof.agent;

import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TokenChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "iprof-service"))
class AgentTokenChecksTest extends TokenChecks {

    @TestHTTPResource("/agents/me")
    URI me;

    @Inject
    Agents agents;

    @BeforeEach
    void lenaHasARecord() {
        agents.imported("lmartin", DemoAccounts.id("lmartin"));
    }

    @Override
    protected URI protectedUri() {
        return me;
    }

    @Override
    protected String audience() {
        return "iprof-service";
    }
}

package fr.academie.iprof.agent;

import fr.academie.iprof.access.AccessLogRetention;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The career access log keeps a read for a year (iprof.retention.access-log), then forgets it; the record stays. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "iprof-service"))
class AccessLogRetentionTest {

    private static final String KIND = "career record reads";

    @Inject
    Agents agents;

    @Inject
    AccessLogRetention retention;

    @Test
    void aReadIsForgottenAYearAfterItAndNothingYoungerGoesAsTheClockMoves() {
        Instant now = Instant.now();
        UUID camille = agents.imported("retention-" + UUID.randomUUID().toString().substring(0, 8), null).id;
        UUID dominique = agents.imported("retention-" + UUID.randomUUID().toString().substring(0, 8), null).id;
        agents.readAt(camille, now.minus(Duration.ofDays(400)));
        agents.readAt(camille, now.minus(Duration.ofDays(300)));
        agents.readAt(dominique, now.minus(Duration.ofDays(10)));

        assertEquals(Map.of(KIND, 1), retention.deleteExpired(now));
        assertEquals(1, agents.readsOf(camille));
        assertEquals(1, agents.readsOf(dominique));

        // seventy days later, the read of 300 days ago has passed its year; the one of 10 days ago has not
        assertEquals(Map.of(KIND, 1), retention.deleteExpired(now.plus(Duration.ofDays(70))));
        assertEquals(0, agents.readsOf(camille));
        assertEquals(1, agents.readsOf(dominique));
        assertEquals(1, agents.count(camille), "the record itself stays");
    }
}

package fr.academie.gateway.retention;

import fr.academie.gateway.admin.AuditAction;
import fr.academie.gateway.admin.AuditEntry;

import fr.academie.stack.testing.StackTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.util.UUID;

import static fr.academie.common.date.FrenchDates.PARIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The administrators' audit log keeps an action five years (gateway.retention.audit), then forgets it. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class RecordRetentionTest {

    private static final String KIND = "administrative actions";

    @Inject
    RecordRetention retention;

    @Test
    void anActionIsForgottenFiveYearsAfterItAndNothingYoungerGoesAsTheClockMoves() {
        ZonedDateTime now = ZonedDateTime.now(PARIS);
        String target = "retention-" + UUID.randomUUID();
        UUID sixYears = entry(target, now.minusYears(6));
        UUID fourYearsAndAHalf = entry(target, now.minusYears(4).minusMonths(6));
        UUID lastWeek = entry("other-" + target, now.minusWeeks(1));

        assertEquals(1, retention.deleteExpired(now.toInstant()).get(KIND));
        assertEquals(0, count(sixYears));
        assertEquals(1, count(fourYearsAndAHalf));

        // a year later the action of four years and a half ago has passed its five years; last week's has not
        assertEquals(1, retention.deleteExpired(now.plusYears(1).toInstant()).get(KIND));
        assertEquals(0, count(fourYearsAndAHalf));
        assertEquals(1, count(lastWeek));
    }

    private static UUID entry(String target, ZonedDateTime at) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.at = at.toInstant();
        entry.actorId = "admin";
        entry.actorIdentifier = "admin";
        entry.action = AuditAction.values()[0];
        entry.targetId = target;
        entry.targetIdentifier = target;
        QuarkusTransaction.requiringNew().run(entry::persist);
        return entry.id;
    }

    private static long count(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("id", id));
    }
}

package fr.academie.colibris.retention;

import fr.academie.colibris.request.RequestStatus;
import fr.academie.colibris.request.Requests;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static fr.academie.common.date.FrenchDates.PARIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Colibris forgets, by the periods of colibris.retention.*: a forgotten draft and a withdrawn request after a year, a
 * decided one (with its notifications) after five, a delivered notification after three months, a delegation five
 * years after its last day; a request still in review, never. The clock is set in 2015, before every other test's
 * rows, so the counts are this test's alone; then it moves on.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "colibris-service"))
class RecordRetentionTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2015, 6, 1, 3, 50, 0, 0, PARIS);
    private static final String OWNER = "retention-" + UUID.randomUUID();

    @Inject
    Requests requests;

    @Inject
    RecordRetention retention;

    @Test
    void eachKindIsForgottenAfterItsPeriodAndAnUnfinishedRequestNever() {
        UUID oldDraft = request(RequestStatus.DRAFT, NOW.minusMonths(13));
        UUID recentDraft = request(RequestStatus.DRAFT, NOW.minusMonths(11));
        UUID oldWithdrawal = request(RequestStatus.WITHDRAWN, NOW.minusMonths(13));
        UUID oldDecision = request(RequestStatus.APPROVED, NOW.minusYears(6));
        UUID oldDecisionsNotice = requests.notice(oldDecision, NOW.minusYears(6).toInstant(), NOW.minusYears(6).toInstant());
        UUID decision = request(RequestStatus.REFUSED, NOW.minusYears(4).minusDays(1));
        UUID inReview = request(RequestStatus.IN_REVIEW, NOW.minusYears(10));
        UUID oldNotice = requests.notice(inReview, NOW.minusMonths(4).toInstant(), NOW.minusMonths(4).toInstant());
        UUID recentNotice = requests.notice(inReview, NOW.minusMonths(1).toInstant(), NOW.minusMonths(1).toInstant());
        UUID oldDelegation = requests.delegation(NOW.minusYears(5).toLocalDate().minusDays(2));
        UUID delegation = requests.delegation(NOW.minusYears(5).toLocalDate().plusDays(2));

        assertEquals(counts(1, 1, 1, 1, 1), retention.deleteExpired(NOW.toInstant()));

        for (UUID gone : new UUID[] {oldDraft, oldWithdrawal, oldDecision}) {
            assertFalse(requests.exists(gone));
        }
        assertFalse(requests.noticeExists(oldDecisionsNotice), "a request's notifications go with it");
        assertFalse(requests.noticeExists(oldNotice));
        assertFalse(requests.delegationExists(oldDelegation));
        assertTrue(requests.exists(recentDraft) && requests.exists(decision) && requests.exists(inReview));
        assertTrue(requests.noticeExists(recentNotice));
        assertTrue(requests.delegationExists(delegation));

        // the clock moves on a year: the draft and the decision pass their periods, the request in review stays
        assertEquals(counts(1, 0, 1, 1, 1), retention.deleteExpired(NOW.plusYears(1).toInstant()));
        assertFalse(requests.exists(recentDraft) || requests.exists(decision));
        assertTrue(requests.exists(inReview));
    }

    private UUID request(RequestStatus status, ZonedDateTime updatedAt) {
        return requests.add(OWNER, "formation", status, updatedAt.toInstant().minusSeconds(60));
    }

    private static Map<String, Integer> counts(int drafts, int withdrawn, int decided, int notices, int delegations) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("abandoned drafts", drafts);
        counts.put("withdrawn requests", withdrawn);
        counts.put("decided requests", decided);
        counts.put("delivered notifications", notices);
        counts.put("ended delegations", delegations);
        counts.put("campaign closing changes", 0);
        return counts;
    }
}

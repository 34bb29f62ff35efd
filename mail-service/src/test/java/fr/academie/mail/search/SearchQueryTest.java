package fr.academie.mail.search;

import fr.academie.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchQueryTest {

    @Test
    void freeTextAloneIsText() {
        SearchQuery query = SearchQuery.parse("  réunion   parents ");
        assertEquals("réunion parents", query.text());
        assertTrue(query.hasText());
        assertEquals(List.of(), query.from());
    }

    @Test
    void operatorsAreTakenOutOfTheText() {
        SearchQuery query = SearchQuery.parse("from:paul.leroy budget to:lena subject:voyage has:attachment label:Urgent "
                + "in:\"Voyage Rome\" is:unread is:flagged before:2026-12-01 after:2026-11-01 larger:5M \"conseil pédagogique\"");
        assertEquals("budget \"conseil pédagogique\"", query.text());
        assertEquals(List.of("paul.leroy"), query.from());
        assertEquals(List.of("lena"), query.to());
        assertEquals(List.of("voyage"), query.subject());
        assertTrue(query.hasAttachment());
        assertEquals(List.of("Urgent"), query.labels());
        assertEquals("Voyage Rome", query.in());
        assertEquals(Boolean.TRUE, query.unread());
        assertTrue(query.flagged());
        assertEquals(LocalDate.of(2026, 12, 1), query.before());
        assertEquals(LocalDate.of(2026, 11, 1), query.after());
        assertEquals(5L * 1024 * 1024, query.largerThan());
    }

    @Test
    void operatorsAloneLeaveNoText() {
        SearchQuery query = SearchQuery.parse("is:read larger:500K");
        assertFalse(query.hasText());
        assertEquals(Boolean.FALSE, query.unread());
        assertEquals(500L * 1024, query.largerThan());
        assertNull(query.in());
    }

    @Test
    void unknownValuesAreRefusedNamingTheQuery() {
        for (String bad : List.of("before:hier", "after:2026-13-01", "is:important", "has:photo", "larger:beaucoup")) {
            ProblemException problem = assertThrows(ProblemException.class, () -> SearchQuery.parse(bad), bad);
            assertEquals(400, problem.status());
            assertEquals("q", problem.toProblem().field());
        }
    }
}

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
    void theFrenchOperatorsReadAsTheEnglishOnes() {
        SearchQuery query = SearchQuery.parse("de:paul.leroy budget à:lena objet:voyage pièce-jointe étiquette:Urgent "
                + "dossier:\"Voyage Rome\" est:non-lu avant:01/12/2026 après:2026-11-01 taille:5M rendez-vous:demain");
        assertEquals("budget rendez-vous:demain", query.text(), "a word that merely ends like an operator stays text");
        assertEquals(List.of("paul.leroy"), query.from());
        assertEquals(List.of("lena"), query.to());
        assertEquals(List.of("voyage"), query.subject());
        assertTrue(query.hasAttachment());
        assertEquals(List.of("Urgent"), query.labels());
        assertEquals("Voyage Rome", query.in());
        assertEquals(Boolean.TRUE, query.unread());
        assertEquals(LocalDate.of(2026, 12, 1), query.before());
        assertEquals(LocalDate.of(2026, 11, 1), query.after());
        assertEquals(5L * 1024 * 1024, query.largerThan());
        assertEquals(List.of("samir"), SearchQuery.parse("A:samir apres:30/11/2026 piece-jointe").to());
        assertTrue(SearchQuery.parse("A:samir apres:30/11/2026 piece-jointe").hasAttachment());
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
        for (String bad : List.of("before:hier", "after:2026-13-01", "is:important", "has:photo", "larger:beaucoup",
                "avant:31/02/2026", "est:important")) {
            ProblemException problem = assertThrows(ProblemException.class, () -> SearchQuery.parse(bad), bad);
            assertEquals(400, problem.status());
            assertEquals("q", problem.toProblem().field());
        }
    }
}

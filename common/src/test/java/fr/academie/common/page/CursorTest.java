package fr.academie.common.page;

import fr.academie.common.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    @Test
    void aCursorComesBackAsItWasSent() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-27T08:12:00.123456Z"), UUID.randomUUID());
        assertEquals(cursor, Cursor.decode(cursor.encode()));
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertNull(Cursor.decode(null));
        assertNull(Cursor.decode(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pas-un-curseur", "%%%", "MjAyNi0xMS0yN1QwODoxMjowMFo", "MjAyNnx4eXo"})
    void aForgedCursorIsABadRequestNamingTheField(String forged) {
        ProblemException problem = assertThrows(ProblemException.class, () -> Cursor.decode(forged));
        assertEquals(400, problem.status());
        assertEquals("cursor", problem.toProblem().field());
    }

    @Test
    void thePageSizeDefaultsAndIsBounded() {
        assertEquals(Cursor.DEFAULT_LIMIT, Cursor.limit(null));
        assertEquals(1, Cursor.limit(1));
        assertEquals(Cursor.MAX_LIMIT, Cursor.limit(Cursor.MAX_LIMIT));
        assertEquals("limit", assertThrows(ProblemException.class, () -> Cursor.limit(0)).toProblem().field());
        assertEquals("limit", assertThrows(ProblemException.class, () -> Cursor.limit(Cursor.MAX_LIMIT + 1)).toProblem().field());
    }

    @Test
    void theExtraRowOnlyTellsThatANextPageExists() {
        Instant now = Instant.now();
        List<Integer> rows = List.of(5, 4, 3);
        Page<String> page = Page.of(rows, 2, n -> new Cursor(now, new UUID(0, n)), String::valueOf);
        assertEquals(List.of("5", "4"), page.items());
        assertEquals(new UUID(0, 4), Cursor.decode(page.nextCursor()).id());
        Page<String> last = Page.of(List.of(2, 1), 2, n -> new Cursor(now, new UUID(0, n)), String::valueOf);
        assertEquals(List.of("2", "1"), last.items());
        assertNull(last.nextCursor());
    }

    @Test
    void theKeysetConditionComparesTheIdOfTheSameAlias() {
        assertEquals("(createdAt < :at or (createdAt = :at and id < :id))", Cursor.after("createdAt"));
        assertEquals("(m.received_at < :at or (m.received_at = :at and m.id < :id))", Cursor.after("m.received_at"));
        assertEquals("(updatedAt > :at or (updatedAt = :at and id > :id))", Cursor.afterOldestFirst("updatedAt"));
    }

    @Test
    void itsParametersAreThePosition() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-27T08:12:00Z"), UUID.randomUUID());
        assertEquals(cursor.at(), cursor.parameters().get("at"));
        assertEquals(cursor.id(), cursor.parameters().get("id"));
    }
}

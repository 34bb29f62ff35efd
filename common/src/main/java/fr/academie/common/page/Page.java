package fr.academie.common.page;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a list: its items and the cursor of the next page, null on the last one. */
public record Page<T>(List<T> items, String nextCursor) {

    /** A list that is always short enough to come whole (a person's sessions...): one page, no next cursor. */
    public static <T> Page<T> all(List<T> items) {
        return new Page<>(items, null);
    }

    /**
     * The page of rows fetched with one more than the limit: the extra row only tells that a next page
     * exists, which then starts after the last row kept.
     */
    public static <E, T> Page<T> of(List<E> rows, int limit, Function<E, Cursor> position, Function<E, T> view) {
        List<E> kept = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit ? position.apply(kept.get(limit - 1)).encode() : null;
        return new Page<>(kept.stream().map(view).toList(), next);
    }

    /** Every item of a list read page by page ({@code page} gives the page after a cursor, null: the first), in order. */
    public static <T> List<T> every(Function<Cursor, Page<T>> page) {
        List<T> items = new ArrayList<>();
        Cursor after = null;
        do {
            Page<T> next = page.apply(after);
            items.addAll(next.items());
            after = next.nextCursor() == null ? null : Cursor.decode(next.nextCursor());
        } while (after != null);
        return items;
    }
}

package fr.academie.common.retention;

import fr.academie.common.date.FrenchDates;

import java.time.Instant;
import java.time.Period;
import java.util.Objects;

/**
 * A kind of record and how long it is kept: the rows of {@code table} whose {@code column} (a timestamptz) lies more
 * than {@code kept} before now, among those {@code where} selects, have expired. Table, column and condition are the
 * service's own SQL, never a person's input.
 */
public record Retention(String kind, Period kept, String table, String column, String where) {

    public Retention {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(table);
        Objects.requireNonNull(column);
        if (kept == null || kept.isNegative() || kept.isZero()) {
            throw new IllegalArgumentException("The retention of " + kind + " must be a positive period, not " + kept);
        }
    }

    /** Every row of the table, by its time. */
    public Retention(String kind, Period kept, String table, String column) {
        this(kind, kept, table, column, "true");
    }

    /** The instant before which a record has expired at {@code now}. */
    public Instant cutoff(Instant now) {
        return cutoff(kept, now);
    }

    /** {@code now} less the period, counted in Paris' calendar (a year, a month: the same date and time then). */
    public static Instant cutoff(Period kept, Instant now) {
        return now.atZone(FrenchDates.PARIS).minus(kept).toInstant();
    }
}

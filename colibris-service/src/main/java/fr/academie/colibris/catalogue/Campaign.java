package fr.academie.colibris.catalogue;

import fr.academie.common.date.FrenchDates;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A window in which a request type may be filed: open from {@code opensAt} (included) to its closing (excluded),
 * which an extension may push back — by hand (HR, with a reason) or automatically after the platform was down.
 */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "type_code", nullable = false)
    public String typeCode;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String label;

    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    /** A later closing decided after the campaign was set; null when it closes as planned. */
    @Column(name = "extended_until")
    public Instant extendedUntil;

    @Column(name = "extension_reason")
    public String extensionReason;

    @Version
    public long version;

    /** When the campaign closes, extensions included. */
    public Instant closing() {
        return extendedUntil != null && extendedUntil.isAfter(closesAt) ? extendedUntil : closesAt;
    }

    public boolean admits(Instant at) {
        return !at.isBefore(opensAt) && at.isBefore(closing());
    }

    /** Whether a request filed at that instant came in the extra time of an extension. */
    public boolean inExtraTime(Instant at) {
        return admits(at) && !at.isBefore(closesAt);
    }

    /**
     * The closing the automatic grace gives after the service was down from {@code down} to {@code up}: the time lost
     * in the campaign's last days (from {@code lastDays} before its closing, not before it opened) is given back, after
     * the closing, or after the return when the outage ran past the closing; empty when the outage missed them.
     */
    public Optional<Instant> closingAfterOutage(Instant down, Instant up, Duration lastDays) {
        Instant closing = closing();
        Instant from = latest(down, latest(opensAt, closing.minus(lastDays)));
        Instant to = up.isBefore(closing) ? up : closing;
        if (!from.isBefore(to)) {
            return Optional.empty();
        }
        return Optional.of(latest(closing, up).plus(Duration.between(from, to)));
    }

    /** Moves the closing to {@code until}, saying why; the returned record of it is the caller's to keep. */
    public CampaignExtension extend(Instant until, String reason, String actorId, String actorName, UUID outageId,
                                    Instant now) {
        CampaignExtension extension = CampaignExtension.of(this, until, reason, actorId, actorName, outageId, now);
        extendedUntil = until;
        extensionReason = reason;
        return extension;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** "du 16 novembre 2026 à 9 h 00 au 1er février 2027 à 0 h 00 (heure de Paris)", as a person reads a window. */
    public String window() {
        return "du " + FrenchDates.dayAndTime(opensAt) + " au " + FrenchDates.dayAndTime(closing()) + " (heure de Paris)";
    }
}

package fr.academie.colibris.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * A window in which a request type may be filed: open from {@code opensAt} (included) to its closing (excluded),
 * which an extension may push back — by hand (HR, with a reason) or automatically after the platform was down.
 */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH)
            .withZone(PARIS);

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

    /** "du 16 novembre 2026 à 09h00 au 1 février 2027 à 00h00 (heure de Paris)", as a person reads a window. */
    public String window() {
        return "du " + FRENCH.format(opensAt) + " au " + FRENCH.format(closing()) + " (heure de Paris)";
    }
}

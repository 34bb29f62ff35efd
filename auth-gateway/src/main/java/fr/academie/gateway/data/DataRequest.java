package fr.academie.gateway.data;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A person's request for her data, and the archive's life: prepared, ready, downloaded once, or expired. */
@Entity
@Table(name = "data_request")
public class DataRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "owner_identifier", nullable = false)
    public String ownerIdentifier;

    @Column(name = "owner_name")
    public String ownerName;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "ready_at")
    public Instant readyAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column
    public String failure;

    @Column(name = "downloaded_at")
    public Instant downloadedAt;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    /** An archive not ready after this long was interrupted (the gateway stopped while making it). */
    static final Duration STALLED = Duration.ofHours(1);

    /** Where the request stands, at {@code now}. */
    public Status status(Instant now) {
        if (failedAt != null) {
            return Status.FAILED;
        }
        if (readyAt == null) {
            return now.isAfter(requestedAt.plus(STALLED)) ? Status.FAILED : Status.PREPARING;
        }
        if (downloadedAt != null) {
            return Status.DOWNLOADED;
        }
        return now.isBefore(expiresAt) ? Status.READY : Status.EXPIRED;
    }

    /** The states a person and an administrator read, with their French words. */
    public enum Status {
        PREPARING("En préparation"),
        READY("Prête à télécharger"),
        DOWNLOADED("Téléchargée"),
        EXPIRED("Expirée sans téléchargement"),
        FAILED("Échec de la préparation");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

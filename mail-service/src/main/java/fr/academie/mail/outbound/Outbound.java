package fr.academie.mail.outbound;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A sent message on its way to addresses outside the académie (its bytes in outbound_chunk), until the relay takes it. */
@Entity
@Table(name = "outbound")
public class Outbound extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    /** The envelope's sender: bounces come back to this address. */
    @Column(nullable = false)
    public String sender;

    /** The envelope's recipients still to reach. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> recipients;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Sent as its bytes are (a forward, its DKIM signatures kept), not rebuilt and signed like the webmail's mail. */
    @Column(nullable = false)
    public boolean verbatim;
}

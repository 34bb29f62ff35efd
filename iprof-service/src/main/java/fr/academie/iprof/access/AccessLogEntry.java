package fr.academie.iprof.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One read of a record by someone other than its owner. */
@Entity
@Table(name = "access_log")
public class AccessLogEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Column(name = "reader_id", nullable = false)
    public String readerId;

    @Column(name = "reader_name", nullable = false)
    public String readerName;

    /** The role under which the read was allowed. */
    @Column(name = "reader_role", nullable = false)
    public String readerRole;

    @Column(nullable = false)
    public String part;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;
}

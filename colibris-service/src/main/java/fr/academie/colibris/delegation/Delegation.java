package fr.academie.colibris.delegation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A decider's decisions delegated to a colleague of the same role from {@code startsOn} to {@code endsOn} (Paris
 * dates, both included), for an absence: the colleague decides the delegator's steps (their school's, for a head of
 * school), "par délégation". Revoked by the delegator at any time.
 */
@Entity
@Table(name = "delegation")
public class Delegation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "delegator_id", nullable = false)
    public String delegatorId;

    @Column(name = "delegator_name")
    public String delegatorName;

    /** The delegator's school: the steps delegated are those of the role there. */
    @Column(name = "delegator_uai")
    public String delegatorUai;

    @Column(name = "delegate_id", nullable = false)
    public String delegateId;

    @Column(name = "delegate_name")
    public String delegateName;

    @Column(nullable = false)
    public String role;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Who holds, on that day, the decisions of that role in that school (any school when null) by delegation. */
    public static List<Delegation> to(String role, String uai, LocalDate day) {
        return uai == null
                ? list("role = ?1 and revokedAt is null and startsOn <= ?2 and endsOn >= ?2", role, day)
                : list("role = ?1 and delegatorUai = ?3 and revokedAt is null and startsOn <= ?2 and endsOn >= ?2",
                role, day, uai);
    }
}

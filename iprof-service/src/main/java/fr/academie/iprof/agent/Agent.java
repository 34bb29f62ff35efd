package fr.academie.iprof.agent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A member of staff's career record. Imported by HR with the académie identifier; linked to the
 * account (token subject) at the person's first visit.
 */
@Entity
@Table(name = "agent")
public class Agent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The token subject of the linked account; null until the person's first visit. */
    @Column(name = "account_id")
    public String accountId;

    /** The académie identifier (lmartin), as HR imported it. */
    @Column(nullable = false)
    public String identifier;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    /** titulaire, stagiaire or contractuel. */
    @Column(nullable = false)
    public String status = "titulaire";

    @Column(nullable = false)
    public String corps;

    public String discipline;

    @Column(nullable = false)
    public String grade;

    @Column(nullable = false)
    public int echelon;

    @Column(name = "echelon_since", nullable = false)
    public LocalDate echelonSince;

    @Column(name = "indice_majore")
    public Integer indiceMajore;

    /** The school of the current assignment (UAI), null between assignments. */
    @Column(name = "school_uai")
    public String schoolUai;

    @Column(name = "school_name")
    public String schoolName;

    @Column(name = "school_commune")
    public String schoolCommune;

    @Column(name = "assigned_since")
    public LocalDate assignedSince;

    public String fullName() {
        return firstName + " " + lastName;
    }

    static Optional<Agent> ofAccount(String accountId) {
        return find("accountId", accountId).firstResultOptional();
    }

    /** A record HR imported under this identifier that no account has claimed yet. */
    static Optional<Agent> unlinked(String identifier) {
        return find("identifier = ?1 and accountId is null", identifier).firstResultOptional();
    }
}

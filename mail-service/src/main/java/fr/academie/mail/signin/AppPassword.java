package fr.academie.mail.signin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A password for one device's mail client ("Téléphone de Léna"): only its hash is kept. */
@Entity
@Table(name = "app_password")
public class AppPassword extends PanacheEntityBase {

    /** Why a password stopped working. */
    public enum Revocation { PERSONNE, COMPTE_DESACTIVE, MOT_DE_PASSE_CHANGE }

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public byte[] hash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "last_used_address")
    public String lastUsedAddress;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_because")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Revocation revokedBecause;
}

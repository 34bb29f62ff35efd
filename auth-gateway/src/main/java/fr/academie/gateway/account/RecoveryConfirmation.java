package fr.academie.gateway.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A recovery address waiting for the code sent there to be typed back (its hash only). */
@Entity
@Table(name = "recovery_confirmation")
public class RecoveryConfirmation extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public String accountId;

    @Column(nullable = false)
    public String address;

    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(nullable = false)
    public int tries;
}

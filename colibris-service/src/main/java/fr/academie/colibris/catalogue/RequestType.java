package fr.academie.colibris.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A kind of HR request of the catalogue (temps partiel, formation...), held as data: see {@link TypeDefinition}. */
@Entity
@Table(name = "request_type")
public class RequestType extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String label;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public TypeDefinition definition;
}

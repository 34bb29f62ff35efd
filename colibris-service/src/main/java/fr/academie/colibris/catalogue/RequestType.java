package fr.academie.colibris.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kind of HR request of the catalogue (temps partiel, formation...), held as data. */
@Entity
@Table(name = "request_type")
public class RequestType extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String label;
}

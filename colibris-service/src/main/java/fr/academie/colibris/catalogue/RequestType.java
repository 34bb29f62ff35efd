package fr.academie.colibris.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kind of HR request of the catalogue (temps partiel, formation...), held as data: see {@link TypeDefinition}. */
@Entity
@Table(name = "request_type")
public class RequestType extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String label;

    /**
     * As the catalogue file writes it, in JSON text: unlike {@code jsonb}, text keeps the form's fields in the
     * file's order, the order the form shows them and the export lists them.
     */
    @Convert(converter = AsText.class)
    @Column(nullable = false)
    public TypeDefinition definition;

    /** The definition to and from its JSON text. */
    @Converter
    public static class AsText implements AttributeConverter<TypeDefinition, String> {

        private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        @Override
        public String convertToDatabaseColumn(TypeDefinition definition) {
            try {
                return JSON.writeValueAsString(definition);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("A type's definition that cannot be written as JSON", e);
            }
        }

        @Override
        public TypeDefinition convertToEntityAttribute(String text) {
            try {
                return JSON.readValue(text, TypeDefinition.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("A type's definition that cannot be read", e);
            }
        }
    }
}

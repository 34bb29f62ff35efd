package fr.academie.colibris.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import fr.academie.common.problem.ProblemException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a request's form against its type's JSON Schema (networknt json-schema-validator, draft 2020-12, formats
 * asserted): the first error becomes a 422 problem naming the field, in French, with the field's title. A date field
 * may say {@code "x-pas-avant": "<other date field>"} (a last day not before the first), checked once the schema holds.
 */
public final class FormCheck {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getDraft202012(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .locale(Locale.FRENCH).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private FormCheck() {
    }

    /** Nothing when the form is complete and valid; otherwise a 422 naming the first field at fault. */
    public static void check(TypeDefinition type, JsonNode form) {
        Schema schema = SCHEMAS.computeIfAbsent(type.code(), code -> REGISTRY.getSchema(type.form()));
        List<Error> errors = schema.validate(form);
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            String field = field(first);
            throw ProblemException.unprocessable("urn:portail:colibris:invalid-form", "Formulaire incomplet ou invalide",
                    detail(type, field, first), field == null ? "form" : "form." + field);
        }
        type.form().path("properties").fields().forEachRemaining(property -> {
            String earlier = property.getValue().path("x-pas-avant").asText(null);
            JsonNode value = form.path(property.getKey());
            if (earlier != null && value.isTextual() && form.path(earlier).isTextual()
                    && value.asText().compareTo(form.path(earlier).asText()) < 0) { // ISO dates compare as text
                throw ProblemException.unprocessable("urn:portail:colibris:invalid-form", "Formulaire incomplet ou invalide",
                        "Le champ " + title(type, property.getKey()) + " ne peut pas précéder " + title(type, earlier) + ".",
                        "form." + property.getKey());
            }
        });
    }

    private static String title(TypeDefinition type, String field) {
        JsonNode title = type.form().path("properties").path(field).path("title");
        return "« " + (title.isTextual() ? title.asText() : field) + " »";
    }

    private static String field(Error error) {
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            return error.getProperty();
        }
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        String path = location.startsWith("$.") ? location.substring(2) : location.startsWith("/") ? location.substring(1) : "";
        int end = path.indexOf('.') < 0 ? path.length() : path.indexOf('.');
        return path.isEmpty() ? null : path.substring(0, end);
    }

    private static String detail(TypeDefinition type, String field, Error error) {
        if (field == null) {
            return "Le formulaire n'est pas valide : " + error.getMessage();
        }
        String name = title(type, field);
        JsonNode explanation = type.form().path("properties").path(field).path("x-erreur");
        return switch (error.getKeyword()) {
            case "required" -> "Le champ " + name + " est obligatoire.";
            case "additionalProperties" -> "Le champ " + name + " ne fait pas partie de ce formulaire.";
            default -> explanation.isTextual() ? "Le champ " + name + " : " + explanation.asText()
                    : "Le champ " + name + " n'est pas valide : " + error.getMessage();
        };
    }
}

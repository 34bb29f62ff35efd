package fr.academie.colibris.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import fr.academie.common.problem.ProblemException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a request's form against its type's JSON Schema (networknt json-schema-validator, draft 2020-12, formats
 * asserted): every field at fault, each with its first error in French under the field's title, becomes a 422
 * problem naming the first in {@code field} and {@code detail} and listing them all in {@code errors}, as the page
 * shows them at once. A date field may say {@code "x-pas-avant": "<other date field>"} (a last day not before the
 * first), checked when both dates are valid.
 */
public final class FormCheck {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getDraft202012(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .locale(Locale.FRENCH).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    /** One field at fault: {@code form.<name>} (or {@code form} for the whole) and what is wrong, in French. */
    public record FieldError(String field, String detail) {
    }

    private FormCheck() {
    }

    /** Nothing when the form is complete and valid; otherwise a 422 naming every field at fault, the first first. */
    public static void check(TypeDefinition type, JsonNode form) {
        Schema schema = SCHEMAS.computeIfAbsent(type.code(), code -> REGISTRY.getSchema(type.form()));
        Map<String, String> wrong = new LinkedHashMap<>(); // field → its first error, in the order found
        for (Error error : schema.validate(form)) {
            String field = field(error);
            wrong.putIfAbsent(field == null ? "form" : "form." + field, detail(type, field, error));
        }
        notBefore(type, form, wrong);
        if (!wrong.isEmpty()) {
            List<String> order = new ArrayList<>(); // the form's order, as the page shows and focuses them
            type.form().path("properties").fieldNames().forEachRemaining(name -> order.add("form." + name));
            List<FieldError> errors = wrong.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingInt(e -> order.indexOf(e.field()))).toList();
            throw ProblemException.unprocessable("urn:portail:colibris:invalid-form", "Formulaire incomplet ou invalide",
                    errors.get(0).detail(), errors.get(0).field(), errors);
        }
    }

    /** A date field's {@code x-pas-avant}: not before the other date, checked when neither is already at fault. */
    private static void notBefore(TypeDefinition type, JsonNode form, Map<String, String> wrong) {
        type.form().path("properties").fields().forEachRemaining(property -> {
            String name = property.getKey();
            String earlier = property.getValue().path("x-pas-avant").asText(null);
            JsonNode value = form.path(name);
            if (earlier != null && value.isTextual() && form.path(earlier).isTextual()
                    && !wrong.containsKey("form." + name) && !wrong.containsKey("form." + earlier)
                    && value.asText().compareTo(form.path(earlier).asText()) < 0) { // valid ISO dates compare as text
                wrong.put("form." + name, "Le champ " + title(type, name) + " ne peut pas précéder " + title(type, earlier) + ".");
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

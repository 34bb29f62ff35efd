package fr.academie.stack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Sends every operation of a service's OpenAPI document malformed variants of its input — a NUL character, a lone
 * surrogate, a field named twice, a value of the wrong type (in an array too), a number past any integer, a date of
 * year +999999999, a text past its declared length or of 64 KB, an address of 10 KB, identifiers that are not ones —
 * and checks that no answer is a 5xx, that each invalid input is refused (4xx), and that every 4xx is a French
 * {@code application/problem+json}. Generated from the document, so a new endpoint is covered without a line more.
 * Only JSON bodies are varied; files (multipart, mbox, CSV) keep their own tests.
 */
public final class MalformedRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static final String LONG_TEXT = "x".repeat(64 * 1024);
    private static final String HUGE_INTEGER = "99999999999999999999999";
    private static final String FAR_DATE = "+999999999-12-31";
    private static final int MAX_LEAVES = 40;

    private MalformedRequests() {
    }

    /** How one identity sends a request: a bearer token, a signed-in browser... */
    @FunctionalInterface
    public interface Sender {
        HttpResponse<String> send(String method, URI uri, Map<String, String> headers, String body);
    }

    /** Someone who may call some of the operations (the sweep uses, for each, the first one not refused). */
    public record Caller(String name, Sender sender) {

        /** A caller with a real token, asked for again before each request (the stack's cache renews it). */
        public static Caller bearer(String name, Supplier<String> token) {
            Browser browser = new Browser();
            return new Caller(name, (method, uri, headers, body) -> {
                Map<String, String> withToken = new LinkedHashMap<>(headers);
                withToken.put("Authorization", "Bearer " + token.get());
                return browser.send(method, uri, withToken, body);
            });
        }

        /** A browser signed in to the gateway: its session cookie, and the header the gateway asks of a change. */
        public static Caller browser(String name, Browser browser, String csrfHeader) {
            return new Caller(name, (method, uri, headers, body) -> {
                Map<String, String> withHeader = new LinkedHashMap<>(headers);
                withHeader.put(csrfHeader, "1");
                return browser.send(method, uri, withHeader, body);
            });
        }
    }

    /** One variant: what is wrong with it, the request, and whether it must be refused or only not break. */
    private record Variant(String what, URI uri, String body, boolean invalid) {
    }

    /** One dynamic test per operation of the document at {@code base}; fails if it lists fewer than {@code atLeast}. */
    public static Stream<DynamicTest> ofEveryOperation(URI base, int atLeast, List<Caller> callers) throws IOException {
        JsonNode document = JSON.readTree(new Browser().get(base.resolve("/q/openapi?format=json")).body());
        List<DynamicTest> tests = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            // a stream of events takes no input, and answers for as long as its token lasts: nothing to sweep
            boolean stream = operation.getValue().path("responses").path("200").path("content").has("text/event-stream");
            if (METHODS.contains(operation.getKey()) && !stream) {
                String method = operation.getKey().toUpperCase();
                Operation op = new Operation(document, base, method, path.getKey(), operation.getValue());
                tests.add(DynamicTest.dynamicTest(method + " " + path.getKey(), () -> op.sweep(callers)));
            }
        }));
        assertTrue(tests.size() >= atLeast, "the document lists the service's operations: " + tests.size());
        return tests.stream();
    }

    /** An operation of the document, and its variants. */
    private static final class Operation {

        private final JsonNode document;
        private final URI base;
        private final String method;
        private final String path;
        /** It answers a page (text/html): its refusals may be French pages too (the shared guard's are problems). */
        private boolean page;
        private final List<JsonNode> pathParameters = new ArrayList<>();
        private final List<JsonNode> queryParameters = new ArrayList<>();
        private final JsonNode bodySchema;

        Operation(JsonNode document, URI base, String method, String path, JsonNode operation) {
            this.document = document;
            this.base = base;
            this.method = method;
            this.path = path;
            for (JsonNode parameter : operation.path("parameters")) {
                ("path".equals(parameter.path("in").asText()) ? pathParameters
                        : "query".equals(parameter.path("in").asText()) ? queryParameters : new ArrayList<JsonNode>())
                        .add(parameter);
            }
            // a page (the gateway's French help pages) answers a wrong address with a French page, not a problem
            operation.path("responses").path("200").path("content").fieldNames().forEachRemaining(type -> {
                if (type.startsWith("text/html")) {
                    page = true;
                }
            });
            JsonNode json = operation.path("requestBody").path("content").path("application/json");
            this.bodySchema = json.isMissingNode() ? null : resolve(json.path("schema"));
        }

        void sweep(List<Caller> callers) {
            Caller caller = callerFor(callers);
            List<String> problems = new ArrayList<>();
            for (Variant variant : variants()) {
                HttpResponse<String> response = send(caller, variant.uri(), variant.body());
                int status = response.statusCode();
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (status == 429) {
                    fail(method + " " + path + ": rate-limited, so the sweep proves nothing (raise the limits for it)");
                } else if (status >= 500) {
                    problems.add(variant.what() + " → " + status + " " + abbreviate(response.body()));
                } else if (variant.invalid() && status < 400) {
                    problems.add(variant.what() + " was accepted (" + status + ")");
                } else if (status >= 400 && !type.startsWith("application/problem+json") && !(page && type.startsWith("text/html"))) {
                    problems.add(variant.what() + " → " + status + " without a problem body (" + type + ")");
                }
            }
            if (!problems.isEmpty()) {
                fail(method + " " + path + " as " + caller.name() + ":\n  " + String.join("\n  ", problems));
            }
        }

        /**
         * The first caller the operation does not refuse (401/403), asked with a request that changes nothing: random
         * identifiers, or a body that is not JSON. An operation without input is only sent its too long address,
         * refused before anyone is known: it is not called at all (it could be "sign me out everywhere").
         */
        private Caller callerFor(List<Caller> callers) {
            if (pathParameters.isEmpty() && queryParameters.isEmpty() && bodySchema == null) {
                return callers.get(0);
            }
            List<String> refusals = new ArrayList<>();
            for (Caller caller : callers) {
                int status = send(caller, uri(Map.of(), Map.of()), bodySchema == null ? null : "{").statusCode();
                if (status != 401 && status != 403) {
                    return caller;
                }
                refusals.add(caller.name() + " " + status);
            }
            return fail(method + " " + path + ": no caller may call it (" + refusals + ")");
        }

        private HttpResponse<String> send(Caller caller, URI uri, String body) {
            Map<String, String> headers = body == null ? Map.of() : Map.of("Content-Type", "application/json");
            return caller.sender().send(method, uri, headers, body);
        }

        private List<Variant> variants() {
            List<Variant> variants = new ArrayList<>();
            String body = bodySchema == null ? null : sample(bodySchema, 0).toString();
            variants.add(new Variant("an address of 10 KB", URI.create(uri(Map.of(), Map.of()) + "?zz="
                    + "y".repeat(10 * 1024)), body, true));
            for (JsonNode parameter : pathParameters) {
                String name = parameter.path("name").asText();
                variants.add(new Variant("path " + name + " with a NUL", uri(Map.of(name, "a%00b"), Map.of()), body, true));
                variants.add(new Variant("path " + name + " not an identifier", uri(Map.of(name, "pas-un-identifiant"),
                        Map.of()), body, false));
                variants.add(new Variant("path " + name + " of 3 KB", uri(Map.of(name, "z".repeat(3000)), Map.of()), body,
                        false));
            }
            for (JsonNode parameter : queryParameters) {
                queryVariants(parameter, body, variants);
            }
            if (bodySchema != null) {
                bodyVariants(variants);
            }
            return variants;
        }

        private void queryVariants(JsonNode parameter, String body, List<Variant> variants) {
            String name = parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            String type = schema.path("type").asText();
            variants.add(new Variant("query " + name + " with a NUL", uri(Map.of(), Map.of(name, "a\u0000b")), body, true));
            variants.add(new Variant("query " + name + " of 2 KB", uri(Map.of(), Map.of(name, "q".repeat(2048))), body,
                    "integer".equals(type) || schema.path("maxLength").asInt(Integer.MAX_VALUE) < 2048));
            if ("integer".equals(type)) {
                variants.add(new Variant("query " + name + " past any integer", uri(Map.of(), Map.of(name, HUGE_INTEGER)),
                        body, true));
                variants.add(new Variant("query " + name + " not a number", uri(Map.of(), Map.of(name, "abc")), body, true));
            }
            if (schema.path("format").asText().startsWith("date")) {
                variants.add(new Variant("query " + name + " in year +999999999", uri(Map.of(), Map.of(name, FAR_DATE)),
                        body, true));
            }
        }

        private void bodyVariants(List<Variant> variants) {
            URI uri = uri(Map.of(), Map.of());
            JsonNode sample = sample(bodySchema, 0);
            variants.add(new Variant("a body that is not JSON", uri, "{\"a\": ", true));
            variants.add(new Variant("a body that is an array", uri, "[]", true));
            if (sample instanceof ObjectNode object && object.size() > 0) {
                String first = object.fieldNames().next();
                String twice = "{\"" + first + "\": " + object.get(first) + ", " + object.toString().substring(1);
                variants.add(new Variant("field " + first + " named twice", uri, twice, true));
            }
            Map<String, JsonNode> leaves = new LinkedHashMap<>();
            leaves(bodySchema, "", 0, leaves);
            leaves.entrySet().stream().limit(MAX_LEAVES).forEach(leaf -> {
                String pointer = leaf.getKey();
                JsonNode schema = leaf.getValue();
                for (Map.Entry<String, JsonNode> bad : badValues(schema).entrySet()) {
                    boolean invalid = !bad.getKey().startsWith("~");
                    variants.add(new Variant("field " + pointer + ": " + bad.getKey().replace("~", ""), uri,
                            replaced(sample, pointer, bad.getValue()), invalid));
                }
            });
        }

        /** Wrong values for a field of this schema; a name starting with "~" may be accepted, but must not break. */
        private Map<String, JsonNode> badValues(JsonNode schema) {
            Map<String, JsonNode> bad = new LinkedHashMap<>();
            String type = schema.path("type").asText();
            ObjectNode wrongObject = NODES.objectNode().put("zz", 1);
            switch (type) {
                case "string" -> {
                    bad.put("an object for a text", wrongObject);
                    bad.put("a NUL character", NODES.textNode("a\u0000b"));
                    bad.put("a lone surrogate", NODES.textNode("a\ud800b"));
                    if (schema.has("maxLength") && schema.path("maxLength").asInt() < 1_000_000) {
                        bad.put("longer than its " + schema.path("maxLength").asInt() + " characters",
                                NODES.textNode("l".repeat(schema.path("maxLength").asInt() + 1)));
                    } else if (!schema.has("maxLength")) {
                        bad.put("~a text of 64 KB", NODES.textNode(LONG_TEXT));
                    }
                    if (schema.path("format").asText().startsWith("date")) {
                        bad.put("a date in year +999999999", NODES.textNode(schema.path("format").asText()
                                .equals("date") ? FAR_DATE : FAR_DATE + "T00:00:00Z"));
                    }
                    if ("uuid".equals(schema.path("format").asText())) {
                        bad.put("not an identifier", NODES.textNode("pas-un-identifiant"));
                    }
                }
                case "integer" -> {
                    bad.put("a number past any integer", NODES.numberNode(new BigInteger(HUGE_INTEGER)));
                    bad.put("an object for a number", wrongObject);
                    bad.put("~a negative number", NODES.numberNode(-1));
                }
                case "number" -> bad.put("an object for a number", wrongObject);
                case "boolean" -> bad.put("an object for a yes or no", wrongObject);
                case "array" -> {
                    JsonNode items = resolve(schema.path("items"));
                    bad.put("an object for a list", wrongObject);
                    boolean objects = "object".equals(items.path("type").asText()) || items.has("properties");
                    bad.put("an element of the wrong type", NODES.arrayNode().add(objects ? NODES.numberNode(5) : wrongObject));
                    if (objects) { // an element with none of its fields: refused where the schema requires some
                        bad.put((items.path("required").isEmpty() ? "~" : "") + "an element with none of its fields",
                                NODES.arrayNode().add(wrongObject));
                    }
                    if (schema.has("maxItems") && schema.path("maxItems").asInt() < 10_000) {
                        ArrayNode many = NODES.arrayNode();
                        JsonNode one = sample(items, 1);
                        for (int i = 0; i <= schema.path("maxItems").asInt(); i++) {
                            many.add(one.deepCopy());
                        }
                        bad.put("more than its " + schema.path("maxItems").asInt() + " elements", many);
                    }
                }
                case "object" -> bad.put("a number for an object", NODES.numberNode(5));
                default -> {
                }
            }
            return bad;
        }

        /** The JSON pointers of the fields of the body, down to three levels, with their schemas. */
        private void leaves(JsonNode schema, String pointer, int depth, Map<String, JsonNode> leaves) {
            JsonNode resolved = resolve(schema);
            if (resolved.has("properties") && depth < 3) {
                resolved.path("properties").fields().forEachRemaining(property ->
                        leaves(property.getValue(), pointer + "/" + property.getKey(), depth + 1, leaves));
            } else if (!pointer.isEmpty()) {
                leaves.put(pointer, resolved);
            }
        }

        /** A body the schema describes, filled with plausible values. */
        private JsonNode sample(JsonNode schema, int depth) {
            JsonNode resolved = resolve(schema);
            if (resolved.has("enum")) {
                return resolved.path("enum").get(0);
            }
            if (resolved.has("properties")) {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    resolved.path("properties").fields().forEachRemaining(property ->
                            object.set(property.getKey(), sample(property.getValue(), depth + 1)));
                }
                return object;
            }
            return switch (resolved.path("type").asText()) {
                case "string" -> switch (resolved.path("format").asText()) {
                    case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                    case "date" -> NODES.textNode("2027-01-15");
                    case "date-time" -> NODES.textNode("2027-01-15T08:00:00Z");
                    default -> NODES.textNode("essai");
                };
                case "integer", "number" -> NODES.numberNode(1);
                case "boolean" -> NODES.booleanNode(true);
                case "array" -> NODES.arrayNode().add(sample(resolved.path("items"), depth + 1));
                case "object" -> NODES.objectNode();
                default -> NODES.nullNode();
            };
        }

        /** The schema behind a {@code $ref}, or the first of an {@code allOf}. */
        private JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            for (int i = 0; i < 10; i++) {
                if (current.has("$ref")) {
                    String name = current.path("$ref").asText().replace("#/components/schemas/", "");
                    current = document.path("components").path("schemas").path(name);
                } else if (current.has("allOf") && current.path("allOf").size() == 1) {
                    current = current.path("allOf").get(0);
                } else {
                    return current;
                }
            }
            return current;
        }

        /** The operation's address with random identifiers, some path parameters and query parameters given. */
        private URI uri(Map<String, String> pathValues, Map<String, String> query) {
            String filled = path;
            for (JsonNode parameter : pathParameters) {
                String name = parameter.path("name").asText();
                filled = filled.replace("{" + name + "}", pathValues.getOrDefault(name, UUID.randomUUID().toString()));
            }
            StringBuilder uri = new StringBuilder(base.resolve(filled.substring(1)).toString());
            String separator = "?";
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                uri.append(separator).append(parameter.getKey()).append('=')
                        .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
                separator = "&";
            }
            return URI.create(uri.toString());
        }

        private static String replaced(JsonNode sample, String pointer, JsonNode value) {
            JsonNode copy = sample.deepCopy();
            String parent = pointer.substring(0, pointer.lastIndexOf('/'));
            JsonNode holder = parent.isEmpty() ? copy : copy.at(parent);
            if (holder instanceof ObjectNode object) {
                object.set(pointer.substring(pointer.lastIndexOf('/') + 1), value);
            }
            return copy.toString().replace("\ud800", "\\ud800"); // as an escape: a raw one would be sent as "?"
        }

        private static String abbreviate(String body) {
            return body == null || body.length() <= 300 ? String.valueOf(body) : body.substring(0, 300) + "…";
        }
    }
}

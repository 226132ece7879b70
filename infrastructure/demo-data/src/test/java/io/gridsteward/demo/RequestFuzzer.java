package io.gridsteward.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates the fuzzing test's requests from the operations of the OpenAPI document: request {@code i} aims at
 * operation {@code i mod n}, so every operation gets its share, and is built from its own {@code Random(seed, i)} alone,
 * so any one request can be generated again from the seed and its index. Each request has one defect (a mutation):
 * a bad or forged token, a bad id, an odd query or paging parameter, a control character in a header, an odd
 * Idempotency-Key, content type or Accept, a method the route does not have, or a body that is not JSON, not an object,
 * misses or adds a field, or holds an odd value (wrong types, lone surrogates, NUL, bidi overrides, 100 kB strings,
 * 1e309, -0, 2^63).
 */
final class RequestFuzzer {

    enum Mutation {
        TOKEN(true),
        ODD_CLAIMS(false),
        PATH_ID(true),
        QUERY(false),
        HEADER_CONTROL(true),
        IDEMPOTENCY_KEY(false),
        CONTENT_TYPE(false),
        ACCEPT(false),
        METHOD(true),
        BODY_SYNTAX(true),
        BODY_ROOT(true),
        BODY_MISSING_FIELD(false),
        BODY_EXTRA_FIELD(false),
        BODY_FIELD_VALUE(false);

        /** Whether every correct API refuses a write with this defect whatever else the request holds. */
        final boolean definite;

        Mutation(boolean definite) {
            this.definite = definite;
        }

        boolean touchesBody() {
            return name().startsWith("BODY_") || this == CONTENT_TYPE;
        }
    }

    /** A caller with a valid token. */
    record Caller(String role, String token) {}

    /** Raw JSON text put into a body as it is (numbers JSON cannot hold exactly, odd literals). */
    record Raw(String json) {}

    private static final List<String> ODD_STRINGS = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\uD800",
            "x\uDC00y",
            "\u202Eevil\u202C",
            "\u200B\u200D",
            "e\u0301\u0301\u0301",
            "😀".repeat(1001),
            "路".repeat(100_000),
            "<script>alert(1)</script>",
            "'; DROP TABLE \"grid-steward\"; --",
            "${jndi:ldap://127.0.0.1/x}",
            "%zz",
            "\r\n",
            "TICKET#1",
            "../../etc/passwd",
            "null",
            "\uFEFF",
            "\u0085\u2028\u2029");
    private static final List<Raw> ODD_NUMBERS = List.of(
            new Raw("1e309"),
            new Raw("-0"),
            new Raw("9223372036854775808"),
            new Raw("-9223372036854775809"),
            new Raw("1.5"),
            new Raw("1e-400"),
            new Raw("123456789012345678901234567890"),
            new Raw("2147483648"),
            new Raw("-1"),
            new Raw("0"),
            new Raw("-0.0"),
            new Raw("1E+2"));
    private static final List<Raw> WRONG_TYPES = List.of(
            new Raw("{}"),
            new Raw("[]"),
            new Raw("true"),
            new Raw("null"),
            new Raw("\"12\""),
            new Raw("[\"a\",1,null]"),
            new Raw("{\"$ref\":\"#\"}"),
            new Raw("1"));
    /** Bodies that are not a JSON object at all; every JSON-reading operation refuses them. */
    private static final List<String> NOT_AN_OBJECT = List.of(
            "[]",
            "\"text\"",
            "42",
            "null",
            "true",
            "[{}]",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000));

    private static final List<String> NOT_JSON = List.of(
            "{",
            "{\"a\":}",
            "not json",
            "{\"a\":1,}",
            "{'a':1}",
            "{\"a\":NaN}",
            "{\"a\":\"\\uZZZZ\"}",
            "{\"a\" 1}",
            "}{",
            "\u0000{}",
            "<xml/>");
    private static final List<String> ODD_IDS = List.of(
            "no-such-id-0",
            "00000000-0000-0000-0000-000000000000",
            "%20",
            "%00",
            "%E2%80%AE",
            "%F0%9F%98%80",
            "..",
            "%2E%2E",
            "a%2Fb",
            "TICKET%23x",
            "x".repeat(2_000),
            "%25zz",
            "'%20OR%20'1'='1",
            "%3Cscript%3E",
            "-1",
            "1e309",
            "null",
            "%zz",
            "%",
            "%C3%28",
            "%ED%A0%80");
    private static final List<String> ODD_QUERY_VALUES = List.of(
            "",
            "abc",
            "-1",
            "0",
            "1e309",
            "99999999999999999999",
            "%zz",
            "%00",
            "2026-13-45",
            "2026-02-30",
            "%E2%80%AE",
            "x".repeat(10_000),
            "1.5",
            "true",
            "%27%20OR%201%3D1",
            "NaN",
            "-0",
            "+1",
            "2026-12-07T00:00:00Z",
            "99999-01-01");
    private static final List<String> ODD_CURSORS = List.of(
            "garbage",
            Base64.getUrlEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8)),
            Base64.getUrlEncoder()
                    .encodeToString(
                            "{\"pk\":{\"S\":\"TICKET#x\"},\"sk\":{\"S\":\"STATE\"}}".getBytes(StandardCharsets.UTF_8)),
            "eyJwayI6eyJTIjoiUVVFVUUjdG93bi1xaW5neGkifX0",
            "%zz",
            "=",
            "x".repeat(5_000),
            "AAAA",
            "null");
    private static final List<String> CONTROL_CHARACTERS =
            List.of("\u0001", "\u001b[31m", "\u007f", "\u0000", "\u0008", "\u001f");
    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "*/*",
            "application/xml",
            "application/json; charset=iso-8859-1",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "application/problem+json",
            "garbage",
            "application/json;;;",
            "image/jpeg",
            "application/vnd.api+json",
            "APPLICATION/JSON");
    private static final List<String> ACCEPTS = List.of(
            "text/html",
            "application/xml",
            "image/*",
            "garbage",
            "application/json;q=0",
            "*/*;q=abc",
            "application/problem+json");
    private static final List<String> ODD_KEYS =
            List.of("", " ", "x".repeat(10_000), "路灯", "key with spaces", "\u202Ekey", "a,b", "\"quoted\"");
    private static final List<String> OTHER_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final long seed;
    private final List<FuzzOperation> operations;
    private final Map<String, List<String>> methodsByPath;
    private final List<Caller> callers;
    private final List<String> badTokens;
    private final List<String> oddClaimTokens;
    private final Map<String, String> realIds;

    /**
     * @param realIds ids that exist, by a word their path parameter's name contains ({@code town}, {@code grid},
     *                {@code community}, {@code department}, {@code ticket}); the empty word is the fallback
     */
    RequestFuzzer(
            long seed,
            List<FuzzOperation> operations,
            List<Caller> callers,
            List<String> badTokens,
            List<String> oddClaimTokens,
            Map<String, String> realIds) {
        this.seed = seed;
        this.operations = List.copyOf(operations);
        this.callers = List.copyOf(callers);
        // A null token is a request without an Authorization header.
        this.badTokens = Collections.unmodifiableList(new ArrayList<>(badTokens));
        this.oddClaimTokens = List.copyOf(oddClaimTokens);
        this.realIds = Map.copyOf(realIds);
        this.methodsByPath = new LinkedHashMap<>();
        operations.forEach(operation -> methodsByPath
                .computeIfAbsent(operation.path(), path -> new ArrayList<>())
                .add(operation.method()));
    }

    FuzzRequest generate(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        FuzzOperation operation = operations.get(index % operations.size());
        List<Mutation> applicable = new ArrayList<>(
                List.of(Mutation.TOKEN, Mutation.QUERY, Mutation.HEADER_CONTROL, Mutation.ACCEPT, Mutation.METHOD));
        if (!operation.in("path").isEmpty()) {
            applicable.add(Mutation.PATH_ID);
        }
        if (!operation.writes()) {
            applicable.add(Mutation.ODD_CLAIMS);
        } else {
            applicable.add(Mutation.IDEMPOTENCY_KEY);
        }
        if (operation.bodySchema() != null) {
            applicable.addAll(List.of(
                    Mutation.CONTENT_TYPE,
                    Mutation.BODY_SYNTAX,
                    Mutation.BODY_ROOT,
                    Mutation.BODY_MISSING_FIELD,
                    Mutation.BODY_EXTRA_FIELD,
                    Mutation.BODY_FIELD_VALUE));
        }
        Mutation mutation = applicable.get(random.nextInt(applicable.size()));
        String method = operation.method();
        String detail = mutation.name();
        if (mutation == Mutation.METHOD) {
            List<String> others = new ArrayList<>(OTHER_METHODS);
            others.removeAll(methodsByPath.getOrDefault(operation.path(), List.of()));
            others.addAll(List.of("OPTIONS", "TRACE", "FOO"));
            method = others.get(random.nextInt(others.size()));
            detail += " " + method;
        }
        boolean write = WRITES.contains(method);

        // A write whose defect may be legal keeps real ids only now and then; otherwise a bad id makes it one to
        // refuse.
        boolean badId = mutation == Mutation.PATH_ID
                || write && !mutation.definite && !operation.in("path").isEmpty() && random.nextInt(10) < 7;
        String path = path(operation, random, badId);
        if (badId) {
            detail += mutation == Mutation.PATH_ID ? "" : " +PATH_ID";
        }

        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String token = switch (mutation) {
            case TOKEN -> badTokens.get(random.nextInt(badTokens.size()));
            case ODD_CLAIMS -> "Bearer " + oddClaimTokens.get(random.nextInt(oddClaimTokens.size()));
            default -> "Bearer " + callers.get(random.nextInt(callers.size())).token();
        };
        if (token != null) {
            headers.add(Map.entry("Authorization", token));
        }
        String query = query(operation, random, mutation == Mutation.QUERY);
        byte[] body = new byte[0];
        if (operation.bodySchema() != null && (write || mutation == Mutation.METHOD)) {
            String contentType = mutation == Mutation.CONTENT_TYPE
                    ? CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()))
                    : "application/json";
            if (!(mutation == Mutation.CONTENT_TYPE && random.nextInt(6) == 0)) {
                headers.add(Map.entry("Content-Type", contentType));
            }
            body = body(operation.bodySchema(), mutation, random).getBytes(StandardCharsets.UTF_8);
            if (mutation == Mutation.BODY_SYNTAX && random.nextInt(5) == 0) {
                body = new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            }
        }
        switch (mutation) {
            case HEADER_CONTROL -> {
                String control = CONTROL_CHARACTERS.get(random.nextInt(CONTROL_CHARACTERS.size()));
                String header = List.of("X-Client-Note", "Idempotency-Key", "Accept", "User-Agent", "X-Forwarded-For")
                        .get(random.nextInt(5));
                headers.add(Map.entry(header, "before" + control + "after"));
                detail += " " + header;
            }
            case IDEMPOTENCY_KEY ->
                headers.add(Map.entry("Idempotency-Key", ODD_KEYS.get(random.nextInt(ODD_KEYS.size()))));
            case ACCEPT -> headers.add(Map.entry("Accept", ACCEPTS.get(random.nextInt(ACCEPTS.size()))));
            default -> {
                if (write && random.nextInt(3) == 0) {
                    headers.add(Map.entry("Idempotency-Key", "fuzz-" + seed + "-" + index));
                }
            }
        }
        boolean definite = !write || mutation.definite || badId;
        return new FuzzRequest(index, operation.name(), detail, method, path + query, headers, body, write, definite);
    }

    private String path(FuzzOperation operation, Random random, boolean badId) {
        List<FuzzOperation.Parameter> pathParameters = operation.in("path");
        String spoiled = badId
                ? pathParameters.get(random.nextInt(pathParameters.size())).name()
                : null;
        String path = operation.path();
        for (FuzzOperation.Parameter parameter : pathParameters) {
            String value = parameter.name().equals(spoiled)
                    ? ODD_IDS.get(random.nextInt(ODD_IDS.size()))
                    : URLEncoder.encode(realId(parameter.name()), StandardCharsets.UTF_8);
            path = path.replace("{" + parameter.name() + "}", value);
        }
        return path;
    }

    private String realId(String parameterName) {
        String name = parameterName.toLowerCase();
        return realIds.entrySet().stream()
                .filter(entry -> !entry.getKey().isEmpty() && name.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(realIds.getOrDefault("", "no-such-id"));
    }

    private static String query(FuzzOperation operation, Random random, boolean spoil) {
        List<FuzzOperation.Parameter> parameters = operation.in("query");
        List<String> pairs = new ArrayList<>();
        String spoiled = spoil && !parameters.isEmpty()
                ? parameters.get(random.nextInt(parameters.size())).name()
                : null;
        for (FuzzOperation.Parameter parameter : parameters) {
            if (parameter.name().equals(spoiled)) {
                List<String> values = parameter.name().equals("cursor") ? ODD_CURSORS : ODD_QUERY_VALUES;
                pairs.add(parameter.name() + "=" + values.get(random.nextInt(values.size())));
                if (random.nextInt(4) == 0) {
                    pairs.add(parameter.name() + "=" + values.get(random.nextInt(values.size())));
                }
            } else if (parameter.required() || random.nextBoolean()) {
                pairs.add(parameter.name() + "="
                        + URLEncoder.encode(plausible(parameter.name(), parameter.schema()), StandardCharsets.UTF_8));
            }
        }
        if (spoil && (spoiled == null || random.nextInt(4) == 0)) {
            pairs.add(List.of(
                            "zzz=1",
                            "limit=-5",
                            "cursor=garbage",
                            "from=2026-12-31&to=2026-01-01",
                            "%zz=1",
                            "=",
                            "&&&",
                            "limit=1e309")
                    .get(random.nextInt(8)));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String plausible(String name, JsonNode schema) {
        if (schema.has("enum") && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0).asText();
        }
        return switch (schema.path("type").asText("string")) {
            case "integer", "number" -> "10";
            case "boolean" -> "true";
            default ->
                switch (schema.path("format").asText("")) {
                    case "date" -> name.equals("to") ? "2026-12-07" : "2026-11-01";
                    case "date-time" -> "2026-12-01T00:00:00Z";
                    default -> name.equals("from") ? "2026-11-01" : name.equals("to") ? "2026-12-07" : "x";
                };
        };
    }

    private static String body(JsonNode schema, Mutation mutation, Random random) {
        return switch (mutation) {
            case BODY_SYNTAX -> NOT_JSON.get(random.nextInt(NOT_JSON.size()));
            case BODY_ROOT -> NOT_AN_OBJECT.get(random.nextInt(NOT_AN_OBJECT.size()));
            default -> {
                Object value = sample(schema, random, 0);
                if (value instanceof Map<?, ?> map && !map.isEmpty()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fields = (Map<String, Object>) map;
                    List<String> names = new ArrayList<>(fields.keySet());
                    String chosen = names.get(random.nextInt(names.size()));
                    switch (mutation) {
                        case BODY_MISSING_FIELD -> fields.remove(chosen);
                        case BODY_FIELD_VALUE ->
                            fields.put(
                                    chosen, oddValue(schema.path("properties").path(chosen), random));
                        default -> {}
                    }
                }
                if (mutation == Mutation.BODY_EXTRA_FIELD && value instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fields = (Map<String, Object>) map;
                    fields.put(
                            List.of("extra", "__proto__", "constructor", "pk", "version", "status", "isAdmin", "")
                                    .get(random.nextInt(8)),
                            random.nextBoolean() ? "injected" : new Raw("{\"status\":\"RESOLVED\"}"));
                }
                yield JsonText.of(value);
            }
        };
    }

    private static Object oddValue(JsonNode schema, Random random) {
        String type = schema.path("type").asText("string");
        int pick = random.nextInt(3);
        return switch (type) {
            case "integer", "number" ->
                pick == 0
                        ? WRONG_TYPES.get(random.nextInt(WRONG_TYPES.size()))
                        : ODD_NUMBERS.get(random.nextInt(ODD_NUMBERS.size()));
            case "array" ->
                pick == 0
                        ? new Raw("{}")
                        : pick == 1
                                ? new Raw("[" + "\"x\",".repeat(20_000) + "\"x\"]")
                                : List.of(ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())));
            case "object" -> pick == 0 ? new Raw("[]") : WRONG_TYPES.get(random.nextInt(WRONG_TYPES.size()));
            case "boolean" -> pick == 0 ? new Raw("\"true\"") : WRONG_TYPES.get(random.nextInt(WRONG_TYPES.size()));
            default ->
                pick == 0
                        ? WRONG_TYPES.get(random.nextInt(WRONG_TYPES.size()))
                        : ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
        };
    }

    /** A value of the schema's shape: every property, placeholder values that name nothing that exists. */
    private static Object sample(JsonNode schema, Random random, int depth) {
        if (schema.has("enum") && !schema.path("enum").isEmpty()) {
            JsonNode values = schema.path("enum");
            return values.get(random.nextInt(values.size())).asText();
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                if (depth < 4) {
                    schema.path("properties")
                            .properties()
                            .forEach(property ->
                                    fields.put(property.getKey(), sample(property.getValue(), random, depth + 1)));
                }
                yield fields;
            }
            case "array" -> depth < 4 ? List.of(sample(schema.path("items"), random, depth + 1)) : List.of();
            case "integer" -> (long) random.nextInt(3);
            case "number" -> random.nextDouble() * 100;
            case "boolean" -> random.nextBoolean();
            default ->
                switch (schema.path("format").asText("")) {
                    case "date" -> "2026-12-01";
                    case "date-time" -> "2026-12-01T08:00:00Z";
                    default -> "fuzz-" + Integer.toString(random.nextInt(1_000_000), 36);
                };
        };
    }

    /** JSON text that can also hold what a JSON library refuses to write: lone surrogates (as escapes) and raw literals. */
    static final class JsonText {
        private JsonText() {}

        static String of(Object value) {
            StringBuilder text = new StringBuilder();
            write(value, text);
            return text.toString();
        }

        private static void write(Object value, StringBuilder text) {
            switch (value) {
                case null -> text.append("null");
                case Raw raw -> text.append(raw.json());
                case String string -> string(string, text);
                case Map<?, ?> map -> {
                    text.append('{');
                    boolean first = true;
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        if (!first) {
                            text.append(',');
                        }
                        first = false;
                        string(String.valueOf(entry.getKey()), text);
                        text.append(':');
                        write(entry.getValue(), text);
                    }
                    text.append('}');
                }
                case List<?> list -> {
                    text.append('[');
                    for (int index = 0; index < list.size(); index++) {
                        if (index > 0) {
                            text.append(',');
                        }
                        write(list.get(index), text);
                    }
                    text.append(']');
                }
                default -> text.append(value);
            }
        }

        private static void string(String string, StringBuilder text) {
            text.append('"');
            for (int index = 0; index < string.length(); index++) {
                char character = string.charAt(index);
                boolean pairedHigh = Character.isHighSurrogate(character)
                        && index + 1 < string.length()
                        && Character.isLowSurrogate(string.charAt(index + 1));
                if (pairedHigh) {
                    text.append(character).append(string.charAt(++index));
                } else if (character == '"' || character == '\\') {
                    text.append('\\').append(character);
                } else if (character < 0x20 || Character.isSurrogate(character)) {
                    text.append(String.format("\\u%04x", (int) character));
                } else {
                    text.append(character);
                }
            }
            text.append('"');
        }
    }
}

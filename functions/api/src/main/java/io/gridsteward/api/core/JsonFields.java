package io.gridsteward.api.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.domain.core.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON object field by field, recording every structural fault (missing, wrong type, unknown field)
 * under its dotted path, so that one 400 names all of them. Values are checked later, by the domain.
 */
public final class JsonFields {

    private final ObjectNode node;
    private final String path;
    private final List<FieldError> errors;

    private JsonFields(ObjectNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** The body as a JSON object; anything else is a 400 naming {@code body}. */
    public static JsonFields parse(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.malformed("body", "is required");
        }
        ObjectReader reader = mapper.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        JsonNode root;
        try {
            root = reader.readTree(body);
        } catch (JsonProcessingException exception) {
            throw ApiException.malformed("body", "is not valid JSON: " + exception.getOriginalMessage());
        }
        if (!(root instanceof ObjectNode object)) {
            throw ApiException.malformed("body", "must be a JSON object");
        }
        return new JsonFields(object, "", new ArrayList<>());
    }

    public String requiredText(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            fault(name, "must be a string");
            return null;
        }
        return value.textValue();
    }

    public String optionalText(String name) {
        return isAbsent(name) ? null : requiredText(name);
    }

    public Double requiredNumber(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            fault(name, "must be a number");
            return null;
        }
        return value.doubleValue();
    }

    public Long optionalPositiveInteger(String name) {
        if (isAbsent(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
            fault(name, "must be a positive integer");
            return null;
        }
        return value.longValue();
    }

    public Long requiredInteger(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            fault(name, "must be an integer");
            return null;
        }
        return value.longValue();
    }

    /** An optional array of strings; absent is an empty list. */
    public List<String> optionalTextArray(String name) {
        if (isAbsent(name)) {
            return List.of();
        }
        JsonNode value = node.get(name);
        if (!value.isArray()) {
            fault(name, "must be an array of strings");
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int index = 0; index < value.size(); index++) {
            JsonNode element = value.get(index);
            if (!element.isTextual()) {
                fault(name + "[" + index + "]", "must be a string");
            } else {
                texts.add(element.textValue());
            }
        }
        return texts;
    }

    /** An optional array of objects, each read under {@code name[i]}; absent is an empty list. */
    public List<JsonFields> optionalObjectArray(String name) {
        if (isAbsent(name)) {
            return List.of();
        }
        JsonNode value = node.get(name);
        if (!value.isArray()) {
            fault(name, "must be an array of objects");
            return List.of();
        }
        List<JsonFields> objects = new ArrayList<>();
        for (int index = 0; index < value.size(); index++) {
            if (value.get(index) instanceof ObjectNode object) {
                objects.add(new JsonFields(object, qualified(name) + "[" + index + "]", errors));
            } else {
                fault(name + "[" + index + "]", "must be an object");
            }
        }
        return objects;
    }

    public Long optionalInteger(String name) {
        return isAbsent(name) ? null : requiredInteger(name);
    }

    /** An optional boolean; absent is false. */
    public boolean optionalBoolean(String name) {
        if (isAbsent(name)) {
            return false;
        }
        JsonNode value = node.get(name);
        if (!value.isBoolean()) {
            fault(name, "must be true or false");
            return false;
        }
        return value.booleanValue();
    }

    public JsonFields optionalObject(String name) {
        return isAbsent(name) ? null : requiredObject(name);
    }

    public JsonFields requiredObject(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            fault(name, "must be an object");
            return null;
        }
        return new JsonFields(object, qualified(name), errors);
    }

    /**
     * Unknown fields are refused rather than ignored, so that a misspelt field does not pass silently. A member whose
     * name is empty is named {@code ""}: an empty field would say the value itself is at fault.
     */
    public void rejectFieldsOtherThan(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                fault(name.isEmpty() ? "\"\"" : name, "is not a field of this request");
            }
        }
    }

    /** Throws the 400 naming every structural fault found so far, across nested objects. */
    public void throwIfMalformed() {
        if (!errors.isEmpty()) {
            throw ApiException.malformed(errors);
        }
    }

    private boolean isAbsent(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull();
    }

    private JsonNode present(String name) {
        if (isAbsent(name)) {
            fault(name, "is required");
            return null;
        }
        return node.get(name);
    }

    private void fault(String name, String message) {
        errors.add(new FieldError(qualified(name), message));
    }

    private String qualified(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}

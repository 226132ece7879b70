package io.gridsteward.dynamodb.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.dynamodb.emulator.server.ApiException;
import io.gridsteward.dynamodb.emulator.server.Parameters;
import io.gridsteward.dynamodb.emulator.storage.Database;
import io.gridsteward.dynamodb.emulator.storage.TableData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TagResource, UntagResource (both answer an empty body), ListTagsOfResource and the Tags of CreateTable: at most 50 per table, by the service's rules. */
public final class Tagging {
    static final int MAXIMUM_TAGS = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern TABLE_ARN =
            Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/([a-zA-Z0-9_.-]{3,255})(/.*)?");

    private final Database database;

    public Tagging(Database database) {
        this.database = database;
    }

    public ObjectNode tagResource(JsonNode request) {
        Parameters parameters = Parameters.of(request, "TagResource", Set.of("ResourceArn", "Tags"));
        String arn = parameters.requiredString("ResourceArn");
        if (!parameters.has("Tags")) {
            throw ApiException.validation(
                    "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
        }
        Map<String, String> added = tags(parameters.node("Tags"));
        if (added.isEmpty()) {
            throw ApiException.validation(
                    "1 validation error detected: Value '[]' at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        return database.write(() -> {
            TableData table = tableOf(arn);
            Map<String, String> tags = new LinkedHashMap<>(table.definition().tags());
            tags.putAll(added);
            requireWithinLimit(tags);
            database.putDefinition(table.definition().withTags(tags));
            return null;
        });
    }

    public ObjectNode untagResource(JsonNode request) {
        Parameters parameters = Parameters.of(request, "UntagResource", Set.of("ResourceArn", "TagKeys"));
        String arn = parameters.requiredString("ResourceArn");
        JsonNode keys = parameters.node("TagKeys");
        if (keys == null || !keys.isArray()) {
            throw ApiException.validation(
                    "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
        }
        return database.write(() -> {
            TableData table = tableOf(arn);
            Map<String, String> tags = new LinkedHashMap<>(table.definition().tags());
            keys.forEach(key -> tags.remove(key.asText()));
            database.putDefinition(table.definition().withTags(tags));
            return null;
        });
    }

    public ObjectNode listTagsOfResource(JsonNode request) {
        Parameters parameters = Parameters.of(request, "ListTagsOfResource", Set.of("ResourceArn", "NextToken"));
        String arn = parameters.requiredString("ResourceArn");
        return database.read(() -> {
            ObjectNode response = Json.object();
            ArrayNode list = response.putArray("Tags");
            tableOf(arn)
                    .definition()
                    .tags()
                    .forEach((key, value) -> list.addObject().put("Key", key).put("Value", value));
            return response;
        });
    }

    /** The Tags list of a request: each tag with a Key and a Value within the service's lengths and characters. */
    static Map<String, String> tags(JsonNode node) {
        if (!node.isArray()) {
            throw ApiException.serialization("Expected a list for Tags");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        int position = 0;
        for (JsonNode tag : node) {
            position++;
            JsonNode key = tag.get("Key");
            JsonNode value = tag.get("Value");
            if (key == null || key.isNull()) {
                throw ApiException.validation("1 validation error detected: Value null at 'tags." + position
                        + ".member.key' failed to satisfy constraint: Member must not be null");
            }
            if (value == null || value.isNull()) {
                throw ApiException.validation("1 validation error detected: Value null at 'tags." + position
                        + ".member.value' failed to satisfy constraint: Member must not be null");
            }
            check(key.asText(), "key", position, 1, 128);
            check(value.asText(), "value", position, 0, 256);
            if (key.asText().startsWith("aws:")) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Tag keys starting with aws: are reserved for AWS use");
            }
            tags.put(key.asText(), value.asText());
        }
        requireWithinLimit(tags);
        return tags;
    }

    private static void check(String text, String member, int position, int minimum, int maximum) {
        int length = text.codePointCount(0, text.length());
        String at = "' at 'tags." + position + ".member." + member + "' failed to satisfy constraint: ";
        if (length < minimum) {
            throw ApiException.validation("1 validation error detected: Value '" + text + at
                    + "Member must have length greater than or equal to " + minimum);
        }
        if (length > maximum) {
            throw ApiException.validation("1 validation error detected: Value '" + text + at
                    + "Member must have length less than or equal to " + maximum);
        }
        if (!ALLOWED.matcher(text).matches()) {
            throw ApiException.validation("1 validation error detected: Value '" + text + at
                    + "Member must satisfy regular expression pattern: " + ALLOWED.pattern());
        }
    }

    private static void requireWithinLimit(Map<String, String> tags) {
        if (tags.size() > MAXIMUM_TAGS) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: The number of tags on the resource exceeds the limit of "
                            + MAXIMUM_TAGS);
        }
    }

    /** Only a table's own ARN is taggable: an index's or a stream's ARN is refused, a well-formed ARN of no table is not found. */
    private TableData tableOf(String arn) {
        if (!arn.startsWith("arn:")) {
            throw ApiException.validation(
                    "Invalid TableArn: Invalid ResourceArn provided as input " + arn + ": ARNs must start with 'arn:'");
        }
        Matcher matcher = TABLE_ARN.matcher(arn);
        if (!matcher.matches() || matcher.group(2) != null) {
            throw ApiException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        return database.findTable(matcher.group(1))
                .orElseThrow(() -> ApiException.resourceNotFound(
                        "Requested resource not found: ResourcArn: " + arn + " not found"));
    }
}

package io.gridsteward.dynamodb.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.dynamodb.emulator.server.ApiException;
import io.gridsteward.dynamodb.emulator.server.Parameters;
import io.gridsteward.dynamodb.emulator.storage.Database;
import io.gridsteward.dynamodb.emulator.stream.StreamMetadata;
import io.gridsteward.dynamodb.emulator.stream.StreamRecord;
import io.gridsteward.dynamodb.emulator.stream.StreamRecordCodec;
import io.gridsteward.dynamodb.emulator.stream.StreamState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * ListStreams, DescribeStream, GetShardIterator and GetRecords. Each stream has one shard. Shard iterators are
 * self-describing tokens (stream, shard, next sequence number, time of issue) that expire after 15 minutes.
 */
public final class StreamOperations {
    static final long ITERATOR_LIFETIME_MILLIS = 15 * 60 * 1000;

    private final Database database;

    public StreamOperations(Database database) {
        this.database = database;
    }

    public ObjectNode listStreams(JsonNode request) {
        Parameters parameters =
                Parameters.of(request, "ListStreams", Set.of("TableName", "Limit", "ExclusiveStartStreamArn"));
        int limit = parameters.integerBetween("Limit", 100, 1, 100);
        String tableName = parameters.string("TableName").orElse(null);
        String start = parameters.string("ExclusiveStartStreamArn").orElse(null);
        return database.read(() -> {
            if (tableName != null && database.findTable(tableName).isEmpty()) {
                throw ApiException.resourceNotFound("Requested resource not found: Table: " + tableName + " not found");
            }
            List<StreamMetadata> matching = new ArrayList<>();
            database.streams().forEach(stream -> {
                if (tableName == null || stream.metadata().tableName().equals(tableName)) {
                    matching.add(stream.metadata());
                }
            });
            int from = 0;
            if (start != null) {
                from = -1;
                for (int index = 0; index < matching.size(); index++) {
                    if (matching.get(index).arn().equals(start)) {
                        from = index + 1;
                    }
                }
                if (from < 0) {
                    throw ApiException.validation(
                            "Invalid ExclusiveStartStreamArn: " + start + " is not a stream of this listing");
                }
            }
            ObjectNode response = Json.object();
            ArrayNode streams = response.putArray("Streams");
            int to = Math.min(matching.size(), from + limit);
            for (StreamMetadata stream : matching.subList(from, to)) {
                streams.addObject()
                        .put("StreamArn", stream.arn())
                        .put("TableName", stream.tableName())
                        .put("StreamLabel", stream.label());
            }
            if (to < matching.size()) {
                response.put("LastEvaluatedStreamArn", matching.get(to - 1).arn());
            }
            return response;
        });
    }

    public ObjectNode describeStream(JsonNode request) {
        Parameters parameters = Parameters.of(
                request, "DescribeStream", Set.of("StreamArn", "Limit", "ExclusiveStartShardId", "ShardFilter"));
        String arn = parameters.requiredString("StreamArn");
        parameters.integerBetween("Limit", 100, 1, 100);
        String startShard = parameters.string("ExclusiveStartShardId").orElse(null);
        Parameters filter = parameters.object("ShardFilter", Set.of("Type", "ShardId"));
        if (filter != null) {
            filter.choice("Type", null, Set.of("CHILD_SHARDS"));
            if (!filter.has("Type")) {
                throw ApiException.validation(
                        "1 validation error detected: Value null at 'shardFilter.type' failed to satisfy constraint: Member must not be null");
            }
        }
        return database.read(() -> {
            StreamState stream = database.stream(arn);
            StreamMetadata metadata = stream.metadata();
            ObjectNode response = Json.object();
            ObjectNode description = response.putObject("StreamDescription");
            description.put("StreamArn", metadata.arn());
            description.put("StreamLabel", metadata.label());
            description.put("StreamStatus", stream.enabled() ? "ENABLED" : "DISABLED");
            description.put("StreamViewType", metadata.viewType());
            description.put("CreationRequestDateTime", Json.seconds(metadata.createdAtMillis()));
            description.put("TableName", metadata.tableName());
            description.set("KeySchema", ControlPlane.keySchemaNode(metadata.hashKey(), metadata.rangeKey()));
            ArrayNode shards = description.putArray("Shards");
            if (filter != null && !metadata.shardId().equals(filter.requiredString("ShardId"))) {
                throw ApiException.validation("Invalid ShardFilter.ShardId: " + filter.requiredString("ShardId")
                        + " is not a shard of this stream");
            }
            // One shard, never split: it has no children, and after it (or after an unknown shard) there is nothing.
            if (filter == null && startShard == null) {
                ObjectNode shard = shards.addObject().put("ShardId", metadata.shardId());
                ObjectNode range = shard.putObject("SequenceNumberRange");
                range.put("StartingSequenceNumber", StreamRecord.formatSequence(metadata.startingSequence()));
                if (!stream.enabled()) {
                    range.put(
                            "EndingSequenceNumber",
                            StreamRecord.formatSequence(
                                    Math.max(metadata.startingSequence(), stream.closingSequence())));
                }
            }
            return response;
        });
    }

    public ObjectNode getShardIterator(JsonNode request) {
        Parameters parameters = Parameters.of(
                request, "GetShardIterator", Set.of("StreamArn", "ShardId", "ShardIteratorType", "SequenceNumber"));
        String arn = parameters.requiredString("StreamArn");
        String shardId = parameters.requiredString("ShardId");
        String type = parameters.choice(
                "ShardIteratorType",
                null,
                Set.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"));
        if (type == null) {
            throw ApiException.validation(
                    "1 validation error detected: Value null at 'shardIteratorType' failed to satisfy constraint: Member must not be null");
        }
        boolean needsSequence = type.equals("AT_SEQUENCE_NUMBER") || type.equals("AFTER_SEQUENCE_NUMBER");
        if (needsSequence != parameters.has("SequenceNumber")) {
            throw ApiException.validation(
                    needsSequence
                            ? "Must specify a sequence number for iterator type " + type
                            : "Sequence number must not be specified for iterator type " + type);
        }
        return database.read(() -> {
            StreamState stream = database.stream(arn);
            if (!stream.metadata().shardId().equals(shardId)) {
                throw ApiException.resourceNotFound("Requested resource not found: Shard does not exist");
            }
            long now = database.nowMillis();
            long trimmedThrough = stream.trimmedThrough(now);
            long position = switch (type) {
                case "TRIM_HORIZON" -> trimmedThrough + 1;
                case "LATEST" -> stream.enabled() ? database.nextSequence() : stream.closingSequence() + 1;
                default -> {
                    long sequence = StreamRecord.parseSequence(parameters.requiredString("SequenceNumber"));
                    if (sequence < 0) {
                        throw ApiException.validation(
                                "Invalid SequenceNumber: " + parameters.requiredString("SequenceNumber"));
                    }
                    if (sequence <= trimmedThrough) {
                        throw trimmed(arn);
                    }
                    yield type.equals("AT_SEQUENCE_NUMBER") ? sequence : sequence + 1;
                }
            };
            ObjectNode response = Json.object();
            response.put("ShardIterator", iterator(arn, position, now));
            return response;
        });
    }

    public ObjectNode getRecords(JsonNode request) {
        Parameters parameters = Parameters.of(request, "GetRecords", Set.of("ShardIterator", "Limit"));
        int limit = parameters.integerBetween("Limit", 1000, 1, 1000);
        String[] iterator = decode(parameters.requiredString("ShardIterator"));
        String arn = iterator[0];
        long position = Long.parseLong(iterator[1]);
        long issuedAt = Long.parseLong(iterator[2]);
        return database.read(() -> {
            long now = database.nowMillis();
            if (now - issuedAt > ITERATOR_LIFETIME_MILLIS) {
                throw ApiException.clientError(
                        "ExpiredIteratorException",
                        "Iterator expired. The iterator was created at time " + Instant.ofEpochMilli(issuedAt)
                                + " while right now it is " + Instant.ofEpochMilli(now) + ".");
            }
            StreamState stream = database.stream(arn);
            if (position <= stream.trimmedThrough(now)) {
                throw trimmed(arn);
            }
            List<StreamRecord> records = stream.records();
            ObjectNode response = Json.object();
            ArrayNode recordNodes = response.putArray("Records");
            long next = position;
            long bytes = 0;
            for (int index = stream.indexAtOrAfter(position);
                    index < records.size() && recordNodes.size() < limit && bytes < ReadOperations.PAGE_BYTES;
                    index++) {
                StreamRecord record = records.get(index);
                recordNodes.add(StreamRecordCodec.toWire(record));
                bytes += record.sizeBytes();
                next = record.sequence() + 1;
            }
            boolean exhausted = !stream.enabled() && next > stream.closingSequence();
            if (!exhausted) {
                response.put("NextShardIterator", iterator(arn, next, now));
            }
            return response;
        });
    }

    private static ApiException trimmed(String arn) {
        return ApiException.clientError(
                "TrimmedDataAccessException",
                "The operation attempted to read past the oldest stream record in a shard: " + arn);
    }

    private static String iterator(String arn, long position, long issuedAt) {
        String content = arn + "|" + position + "|" + issuedAt;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String iterator) {
        try {
            String content = new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8);
            int last = content.lastIndexOf('|');
            int middle = content.lastIndexOf('|', last - 1);
            String[] parts = {
                content.substring(0, middle), content.substring(middle + 1, last), content.substring(last + 1)
            };
            Long.parseLong(parts[1]);
            Long.parseLong(parts[2]);
            return parts;
        } catch (RuntimeException invalid) {
            throw ApiException.validation("Invalid ShardIterator");
        }
    }
}

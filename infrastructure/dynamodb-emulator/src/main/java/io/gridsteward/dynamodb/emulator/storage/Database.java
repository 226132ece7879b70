package io.gridsteward.dynamodb.emulator.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.dynamodb.emulator.durability.MutationLog;
import io.gridsteward.dynamodb.emulator.server.ApiException;
import io.gridsteward.dynamodb.emulator.stream.StreamMetadata;
import io.gridsteward.dynamodb.emulator.stream.StreamRecord;
import io.gridsteward.dynamodb.emulator.stream.StreamRecordCodec;
import io.gridsteward.dynamodb.emulator.stream.StreamState;
import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.wire.ItemCodec;
import io.gridsteward.dynamodb.emulator.wire.ItemSize;
import io.gridsteward.dynamodb.emulator.wire.ItemStorageCodec;
import io.gridsteward.dynamodb.emulator.wire.JsonText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * All tables and streams, behind one read-write lock: every mutation, its stream records and its log entry happen in
 * one step under the write lock, so that the history is linearizable and a reader never sees data without its records.
 */
public final class Database {
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/[a-zA-Z0-9_.-]{3,255}/stream/[^/]+");

    private static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 60 * 60;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter STREAM_LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, TableData> tables = new TreeMap<>();
    private final Map<String, StreamState> streams = new LinkedHashMap<>();
    private final Clock clock;
    private final MutationLog log;
    private long nextSequence = 1;
    private long lastLogSequence;

    public Database(Clock clock, MutationLog log) {
        this.clock = clock;
        this.log = log;
        if (log != null) {
            log.recover(this::loadSnapshot, this::replay);
        }
    }

    public long nowMillis() {
        return clock.millis();
    }

    public <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            T result = action.get();
            if (log != null && log.wantsCompaction()) {
                log.compact(this::writeSnapshot);
            }
            return result;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Optional<TableData> findTable(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public TableData table(String name) {
        TableData table = tables.get(name);
        if (table == null) {
            if (!TABLE_NAME.matcher(name).matches()) {
                throw ApiException.validation(
                        "1 validation error detected: Value '" + name
                                + "' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255");
            }
            throw ApiException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        return table;
    }

    public Collection<TableData> tables() {
        return tables.values();
    }

    public Collection<StreamState> streams() {
        return streams.values();
    }

    public StreamState stream(String arn) {
        StreamState stream = streams.get(arn);
        if (stream == null) {
            if (!STREAM_ARN.matcher(arn).matches()) {
                throw ApiException.validation("Invalid StreamArn: " + arn);
            }
            throw ApiException.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
        }
        return stream;
    }

    /** The next sequence number a record will take: what a LATEST iterator starts from. */
    public long nextSequence() {
        return nextSequence;
    }

    // ---- control plane (callers hold the write lock) ----

    public void putDefinition(TableMetadata definition) {
        ObjectNode entry = NODES.objectNode().put("type", "table");
        entry.set("definition", DefinitionCodec.toJson(definition));
        append(entry);
        applyDefinition(definition);
    }

    public void dropTable(String name) {
        append(NODES.objectNode().put("type", "drop").put("name", name));
        tables.remove(name);
    }

    /** Creates a stream for a table, or records that one was disabled. */
    public void putStream(StreamMetadata metadata) {
        ObjectNode entry = NODES.objectNode().put("type", "stream");
        entry.set("metadata", DefinitionCodec.toJson(metadata));
        append(entry);
        applyStream(metadata);
    }

    /** A new stream's metadata: its first sequence number is the next one the database hands out. */
    public StreamMetadata newStream(TableMetadata definition, String viewType) {
        long now = clock.millis();
        String label;
        String arn;
        do {
            label = STREAM_LABEL.format(Instant.ofEpochMilli(now));
            arn = definition.arn() + "/stream/" + label;
            now++;
        } while (streams.containsKey(arn));
        return new StreamMetadata(
                arn,
                label,
                definition.name(),
                viewType,
                definition.hashKey(),
                definition.rangeKey(),
                now - 1,
                nextSequence,
                true,
                0);
    }

    public void disableStream(String arn) {
        StreamState stream = streams.get(arn);
        if (stream != null && stream.enabled()) {
            StreamMetadata metadata = stream.metadata();
            putStream(new StreamMetadata(
                    metadata.arn(),
                    metadata.label(),
                    metadata.tableName(),
                    metadata.viewType(),
                    metadata.hashKey(),
                    metadata.rangeKey(),
                    metadata.createdAtMillis(),
                    metadata.startingSequence(),
                    false,
                    nextSequence - 1));
        }
    }

    // ---- data plane (callers hold the write lock and have checked every condition) ----

    /**
     * Applies item changes atomically with their stream records. Changes that change nothing are dropped, as DynamoDB
     * writes no stream record for a write that leaves the item as it was.
     */
    public void commit(List<ItemChange> changes, boolean byTimeToLive) {
        List<ItemChange> effective = new ArrayList<>(changes.size());
        for (ItemChange change : changes) {
            if (change.changesSomething()) {
                effective.add(change);
            }
        }
        if (effective.isEmpty()) {
            return;
        }
        long now = clock.millis();
        List<String> recordStreams = new ArrayList<>();
        List<StreamRecord> records = new ArrayList<>();
        long sequence = nextSequence;
        for (ItemChange change : effective) {
            TableMetadata definition = table(change.tableName()).definition();
            if (definition.streamEnabled()) {
                records.add(record(definition, change, sequence++, now, byTimeToLive));
                recordStreams.add(definition.latestStreamArn());
            }
        }
        if (log != null) {
            ObjectNode entry = NODES.objectNode().put("type", "commit");
            ArrayNode changeNodes = entry.putArray("changes");
            for (ItemChange change : effective) {
                ObjectNode node = changeNodes.addObject().put("table", change.tableName());
                node.set("key", ItemCodec.encodeItem(change.key()));
                if (change.newItem() != null) {
                    node.set("item", ItemCodec.encodeItem(change.newItem()));
                }
            }
            ArrayNode recordNodes = entry.putArray("records");
            for (int index = 0; index < records.size(); index++) {
                recordNodes.add(StreamRecordCodec.toStorage(recordStreams.get(index), records.get(index)));
            }
            append(entry);
        }
        applyCommit(effective, recordStreams, records);
    }

    private StreamRecord record(
            TableMetadata definition, ItemChange change, long sequence, long now, boolean byTimeToLive) {
        String viewType = definition.streamViewType();
        String eventName = change.oldItem() == null ? "INSERT" : change.newItem() == null ? "REMOVE" : "MODIFY";
        Map<String, AttributeValue> keys =
                definition.keyOf(change.oldItem() != null ? change.oldItem() : change.newItem());
        Map<String, AttributeValue> oldImage =
                viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES") ? change.oldItem() : null;
        Map<String, AttributeValue> newImage =
                viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES") ? change.newItem() : null;
        long size = ItemSize.of(keys)
                + (oldImage == null ? 0 : ItemSize.of(oldImage))
                + (newImage == null ? 0 : ItemSize.of(newImage));
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return new StreamRecord(
                sequence,
                HexFormat.of().formatHex(id),
                eventName,
                now,
                keys,
                oldImage,
                newImage,
                size,
                viewType,
                byTimeToLive);
    }

    /**
     * Deletes the items whose TTL attribute holds an epoch-seconds number at or before now (and not more than five
     * years in the past, which DynamoDB ignores), with REMOVE records marked as the service's; trims stream records
     * past retention. Returns how many items were deleted.
     */
    public int sweep() {
        return write(() -> {
            long now = clock.millis();
            streams.values().forEach(stream -> stream.trim(now));
            BigDecimal nowSeconds = BigDecimal.valueOf(now / 1000);
            BigDecimal oldestHonoured = nowSeconds.subtract(BigDecimal.valueOf(FIVE_YEARS_SECONDS));
            List<ItemChange> expired = new ArrayList<>();
            for (TableData table : tables.values()) {
                TableMetadata definition = table.definition();
                if (!definition.ttlEnabled()) {
                    continue;
                }
                Iterator<Map<String, AttributeValue>> items = table.primary().iterator();
                while (items.hasNext()) {
                    Map<String, AttributeValue> item = items.next();
                    if (item.get(definition.ttlAttribute()) instanceof AttributeValue.NumberValue(BigDecimal expiry)
                            && expiry.compareTo(nowSeconds) <= 0
                            && expiry.compareTo(oldestHonoured) >= 0) {
                        expired.add(new ItemChange(definition.name(), definition.keyOf(item), item, null));
                    }
                }
            }
            commit(expired, true);
            return expired.size();
        });
    }

    // ---- applying entries, live and on replay ----

    private void applyDefinition(TableMetadata definition) {
        TableData existing = tables.get(definition.name());
        if (existing == null) {
            tables.put(definition.name(), new TableData(definition));
        } else {
            tables.put(definition.name(), existing.redefined(definition));
        }
    }

    private void applyStream(StreamMetadata metadata) {
        StreamState existing = streams.get(metadata.arn());
        if (existing == null) {
            streams.put(metadata.arn(), new StreamState(metadata));
        } else if (!metadata.enabled()) {
            existing.disable(metadata.closingSequence());
        }
        nextSequence = Math.max(nextSequence, metadata.startingSequence());
    }

    private void applyCommit(List<ItemChange> changes, List<String> recordStreams, List<StreamRecord> records) {
        for (ItemChange change : changes) {
            TableData table = table(change.tableName());
            if (change.newItem() == null) {
                table.delete(change.key());
            } else {
                table.put(change.newItem());
            }
        }
        for (int index = 0; index < records.size(); index++) {
            StreamRecord record = records.get(index);
            StreamState stream = streams.get(recordStreams.get(index));
            if (stream != null) {
                stream.append(record);
            }
            nextSequence = Math.max(nextSequence, record.sequence() + 1);
        }
    }

    private void append(ObjectNode entry) {
        if (log == null) {
            return;
        }
        entry.put("lsn", ++lastLogSequence);
        try {
            log.append(entry);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    // ---- durability ----

    private void replay(JsonNode entry) {
        long entrySequence = entry.path("lsn").asLong();
        if (entrySequence <= lastLogSequence) {
            return;
        }
        lastLogSequence = entrySequence;
        switch (entry.path("type").asText()) {
            case "table" -> applyDefinition(DefinitionCodec.tableFromJson(entry.get("definition")));
            case "drop" -> tables.remove(entry.get("name").asText());
            case "stream" -> applyStream(DefinitionCodec.streamFromJson(entry.get("metadata")));
            case "commit" -> {
                List<ItemChange> changes = new ArrayList<>();
                for (JsonNode change : entry.get("changes")) {
                    JsonNode item = change.get("item");
                    changes.add(new ItemChange(
                            change.get("table").asText(),
                            ItemCodec.decodeItem(change.get("key")),
                            null,
                            item == null ? null : ItemCodec.decodeItem(item)));
                }
                List<String> recordStreams = new ArrayList<>();
                List<StreamRecord> records = new ArrayList<>();
                for (JsonNode record : entry.get("records")) {
                    recordStreams.add(record.get("stream").asText());
                    records.add(StreamRecordCodec.fromStorage(record));
                }
                applyCommit(changes, recordStreams, records);
            }
            default ->
                throw new IllegalStateException(
                        "Unknown log entry type: " + entry.path("type").asText());
        }
    }

    /**
     * The whole state as one JSON document, the snapshot that compaction writes before it empties the log: written
     * with the streaming generator, so that no tree of the whole state is built.
     */
    private void writeSnapshot(JsonGenerator generator) throws IOException {
        generator.writeStartObject();
        generator.writeNumberField("lsn", lastLogSequence);
        generator.writeNumberField("nextSequence", nextSequence);
        generator.writeArrayFieldStart("tables");
        for (TableData table : tables.values()) {
            generator.writeStartObject();
            generator.writeFieldName("definition");
            JsonText.writeTree(generator, DefinitionCodec.toJson(table.definition()));
            generator.writeArrayFieldStart("items");
            Iterator<Map<String, AttributeValue>> items = table.primary().iterator();
            while (items.hasNext()) {
                ItemStorageCodec.writeItem(generator, items.next());
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeArrayFieldStart("streams");
        for (StreamState stream : streams.values()) {
            generator.writeStartObject();
            generator.writeFieldName("metadata");
            JsonText.writeTree(generator, DefinitionCodec.toJson(stream.metadata()));
            generator.writeNumberField("trimmedThrough", stream.trimmedThrough(clock.millis()));
            generator.writeArrayFieldStart("records");
            for (StreamRecord record : stream.records()) {
                StreamRecordCodec.writeStored(generator, stream.arn(), record);
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    /**
     * Loads a snapshot with the streaming parser: items straight into the tables, stream records with their images
     * kept as text until read. A table's definition and a stream's metadata come before its items and records, as
     * {@link #writeSnapshot} writes them.
     */
    private void loadSnapshot(byte[] text) throws IOException {
        try (JsonParser parser = JsonText.parser(text)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "lsn" -> lastLogSequence = parser.getLongValue();
                    case "nextSequence" -> nextSequence = parser.getLongValue();
                    case "tables" -> {
                        expect(parser, value, JsonToken.START_ARRAY);
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            loadTable(parser);
                        }
                    }
                    case "streams" -> {
                        expect(parser, value, JsonToken.START_ARRAY);
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            loadStream(parser, text);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }
    }

    private void loadTable(JsonParser parser) throws IOException {
        TableData table = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "definition" -> table = new TableData(DefinitionCodec.tableFromJson(JsonText.readTree(parser)));
                case "items" -> {
                    if (table == null) {
                        throw new JsonParseException(parser, "A table's items before its definition");
                    }
                    expect(parser, value, JsonToken.START_ARRAY);
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        table.put(ItemStorageCodec.readItem(parser));
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (table == null) {
            throw new JsonParseException(parser, "A table without its definition");
        }
        tables.put(table.definition().name(), table);
    }

    private void loadStream(JsonParser parser, byte[] text) throws IOException {
        StreamState stream = null;
        long trimmedThrough = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "metadata" -> stream = new StreamState(DefinitionCodec.streamFromJson(JsonText.readTree(parser)));
                case "trimmedThrough" -> trimmedThrough = parser.getLongValue();
                case "records" -> {
                    if (stream == null) {
                        throw new JsonParseException(parser, "A stream's records before its metadata");
                    }
                    expect(parser, value, JsonToken.START_ARRAY);
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        stream.append(StreamRecordCodec.readStored(parser, text));
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (stream == null) {
            throw new JsonParseException(parser, "A stream without its metadata");
        }
        stream.restoreTrimmedThrough(trimmedThrough);
        streams.put(stream.arn(), stream);
    }

    private static void expect(JsonParser parser, JsonToken found, JsonToken expected) throws IOException {
        if (found != expected) {
            throw new JsonParseException(parser, "Expected " + expected + " but found " + found);
        }
    }

    /** Writes a snapshot and empties the log (on close, so that the next start reads one file). */
    public void compact() {
        if (log == null) {
            return;
        }
        write(() -> {
            try {
                log.compact(this::writeSnapshot);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
            return null;
        });
    }
}

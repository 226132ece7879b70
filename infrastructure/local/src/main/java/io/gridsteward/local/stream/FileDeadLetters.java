package io.gridsteward.local.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Dead letters as JSON files, one per given-up run of records: {@code <shard>-<first>-<last>.json}. */
public final class FileDeadLetters implements DeadLetters {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path directory;
    private final PrintStream console;

    public FileDeadLetters(Path directory, PrintStream console) {
        this.directory = directory;
        this.console = console;
    }

    @Override
    public void accept(List<StreamRecordJson> records, String reason) {
        StreamRecordJson first = records.getFirst();
        StreamRecordJson last = records.getLast();
        Path file = directory.resolve(
                first.shardId() + "-" + first.sequenceNumber() + "-" + last.sequenceNumber() + ".json");
        ObjectNode letter = JSON.createObjectNode();
        letter.put("reason", reason);
        letter.put("shardId", first.shardId());
        letter.put("startSequenceNumber", first.sequenceNumber());
        letter.put("endSequenceNumber", last.sequenceNumber());
        letter.put("batchSize", records.size());
        records.forEach(record -> letter.withArray("Records").add(record.json()));
        try {
            Files.createDirectories(directory);
            Files.writeString(file, letter.toPrettyString());
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write dead letter " + file, failure);
        }
        console.println("stream poller: gave up on " + records.size() + " record(s) (" + reason + "); see " + file);
    }
}

package io.gridsteward.local.stream;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the poller is in each shard, kept in a small file so a restarted stack continues instead of re-reading.
 * It belongs to one stream: a different stream ARN (a re-created table) discards it.
 */
public final class Checkpoint {
    private static final String STREAM = "stream";
    private static final String CLOSED = "closed:";

    private final Path file;
    private final Properties positions = new Properties();

    private Checkpoint(Path file) {
        this.file = file;
    }

    public static Checkpoint load(Path file, String streamArn) {
        Checkpoint checkpoint = new Checkpoint(file);
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                checkpoint.positions.load(reader);
            } catch (IOException failure) {
                throw new UncheckedIOException("cannot read the poller checkpoint " + file, failure);
            }
        }
        if (!streamArn.equals(checkpoint.positions.getProperty(STREAM))) {
            checkpoint.positions.clear();
            checkpoint.positions.setProperty(STREAM, streamArn);
        }
        return checkpoint;
    }

    /** The last sequence number delivered (or skipped) in a shard. */
    public Optional<String> position(String shardId) {
        return Optional.ofNullable(positions.getProperty(shardId));
    }

    public boolean finished(String shardId) {
        return positions.containsKey(CLOSED + shardId);
    }

    public void advance(String shardId, String sequenceNumber) {
        positions.setProperty(shardId, sequenceNumber);
        save();
    }

    public void finish(String shardId) {
        positions.setProperty(CLOSED + shardId, "true");
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                positions.store(writer, "event-source mapping position per shard");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write the poller checkpoint " + file, failure);
        }
    }
}

package io.gridsteward.dynamodb.emulator.durability;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.dynamodb.emulator.wire.JsonText;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The data directory: {@code snapshot.json} (the whole state at some log position) and {@code mutations.log}, an
 * append-only file of committed mutations, each framed as length (4 bytes), CRC32 of the payload (4 bytes) and the
 * JSON payload. A frame cut short or failing its checksum, as after a kill mid-write, ends the log: it is cut off on
 * recovery and everything before it is kept.
 */
public final class MutationLog implements AutoCloseable {
    public static final String SNAPSHOT_FILE = "snapshot.json";
    public static final String LOG_FILE = "mutations.log";
    private static final int HEADER_BYTES = 8;

    /** Reads the whole snapshot's text (UTF-8 JSON) into the state. */
    @FunctionalInterface
    public interface SnapshotReader {
        void read(byte[] snapshot) throws IOException;
    }

    /** Writes the whole state as one JSON document. */
    @FunctionalInterface
    public interface SnapshotWriter {
        void write(JsonGenerator generator) throws IOException;
    }

    private final Path directory;
    private final long compactionThresholdBytes;
    private final boolean syncEveryWrite;
    private FileChannel channel;

    public MutationLog(Path directory, long compactionThresholdBytes, boolean syncEveryWrite) {
        this.directory = directory;
        this.compactionThresholdBytes = compactionThresholdBytes;
        this.syncEveryWrite = syncEveryWrite;
    }

    private Path logFile() {
        return directory.resolve(LOG_FILE);
    }

    /** Loads the snapshot, replays the log's intact frames, drops a torn tail and opens the log for appending. */
    public void recover(SnapshotReader loadSnapshot, Consumer<JsonNode> replay) {
        try {
            Files.createDirectories(directory);
            Path snapshot = directory.resolve(SNAPSHOT_FILE);
            if (Files.exists(snapshot)) {
                loadSnapshot.read(Files.readAllBytes(snapshot));
            }
            Path logFile = logFile();
            channel = FileChannel.open(
                    logFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (!lockExclusively(channel)) {
                channel.close();
                throw new IOException("The data directory " + directory + " is in use by another emulator");
            }
            long intactLength = replayFrames(replay);
            if (intactLength < channel.size()) {
                System.err.println("dynamodb-emulator: dropping a torn log tail of " + (channel.size() - intactLength)
                        + " bytes at offset " + intactLength + " in " + logFile);
                channel.truncate(intactLength);
                channel.force(true);
            }
            channel.position(intactLength);
        } catch (IOException failure) {
            throw new UncheckedIOException(
                    "Cannot open the data directory " + directory + ": " + failure.getMessage(), failure);
        }
    }

    /** Another process holds the lock (tryLock gives null) or this one does (it throws). */
    private static boolean lockExclusively(FileChannel channel) throws IOException {
        try {
            return channel.tryLock() != null;
        } catch (OverlappingFileLockException heldHere) {
            return false;
        }
    }

    private long replayFrames(Consumer<JsonNode> replay) throws IOException {
        long size = channel.size();
        ByteBuffer content = ByteBuffer.allocate(Math.toIntExact(size)).order(ByteOrder.BIG_ENDIAN);
        channel.read(content, 0);
        content.flip();
        long intact = 0;
        CRC32 checksum = new CRC32();
        while (content.remaining() >= HEADER_BYTES) {
            int length = content.getInt();
            int expected = content.getInt();
            if (length < 0 || length > content.remaining()) {
                break;
            }
            byte[] payload = new byte[length];
            content.get(payload);
            checksum.reset();
            checksum.update(payload);
            if ((int) checksum.getValue() != expected) {
                break;
            }
            JsonNode entry;
            try {
                entry = JsonText.parse(payload);
            } catch (IOException unreadable) {
                break;
            }
            replay.accept(entry);
            intact += HEADER_BYTES + length;
        }
        return intact;
    }

    public void append(ObjectNode entry) throws IOException {
        byte[] payload = JsonText.bytes(entry);
        CRC32 checksum = new CRC32();
        checksum.update(payload);
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.length).order(ByteOrder.BIG_ENDIAN);
        frame.putInt(payload.length)
                .putInt((int) checksum.getValue())
                .put(payload)
                .flip();
        long start = channel.position();
        try {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        } catch (IOException failure) {
            // A half-written frame would end the log at the next start and hide every later entry: take it back.
            channel.truncate(start);
            channel.position(start);
            throw failure;
        }
        if (syncEveryWrite) {
            channel.force(false);
        }
    }

    public boolean wantsCompaction() {
        try {
            return channel.size() > compactionThresholdBytes;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * Writes the snapshot beside the old one, moves it into place, then empties the log. A crash between the two steps
     * leaves log entries the snapshot already holds; their log sequence numbers make replay skip them.
     */
    public void compact(SnapshotWriter snapshot) throws IOException {
        Path temporary = directory.resolve(SNAPSHOT_FILE + ".tmp");
        try (FileChannel out = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream stream = new BufferedOutputStream(Channels.newOutputStream(out), 64 * 1024);
            try (JsonGenerator generator = JsonText.generator(stream)) {
                snapshot.write(generator);
            }
            stream.flush();
            out.force(true);
        }
        Files.move(
                temporary,
                directory.resolve(SNAPSHOT_FILE),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        channel.truncate(0);
        channel.position(0);
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.force(true);
            channel.close();
        }
    }
}

package io.gridsteward.dynamodb.emulator;

import io.gridsteward.dynamodb.emulator.durability.MutationLog;
import io.gridsteward.dynamodb.emulator.operations.BatchOperations;
import io.gridsteward.dynamodb.emulator.operations.ControlPlane;
import io.gridsteward.dynamodb.emulator.operations.ItemOperations;
import io.gridsteward.dynamodb.emulator.operations.Operation;
import io.gridsteward.dynamodb.emulator.operations.ReadOperations;
import io.gridsteward.dynamodb.emulator.operations.StreamOperations;
import io.gridsteward.dynamodb.emulator.operations.Tagging;
import io.gridsteward.dynamodb.emulator.operations.TransactionOperations;
import io.gridsteward.dynamodb.emulator.server.HttpFrontEnd;
import io.gridsteward.dynamodb.emulator.storage.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A DynamoDB and DynamoDB Streams server on a loopback port, speaking the service's wire protocol. In memory unless
 * given a data directory. Start it with {@link #start(int, Optional)} or {@link #builder()}, stop it with {@link #close()}.
 */
public final class DynamoDbEmulator implements AutoCloseable {
    private final Database database;
    private final MutationLog log;
    private final HttpFrontEnd frontEnd;
    private final ScheduledExecutorService sweeper;
    private final boolean compactOnClose;

    private DynamoDbEmulator(Builder builder) throws IOException {
        this.log = builder.dataDirectory == null
                ? null
                : new MutationLog(builder.dataDirectory, builder.compactionThresholdBytes, builder.syncEveryWrite);
        this.database = new Database(builder.clock, log);
        this.compactOnClose = builder.compactOnClose;
        ControlPlane controlPlane = new ControlPlane(database);
        ItemOperations items = new ItemOperations(database);
        ReadOperations reads = new ReadOperations(database);
        BatchOperations batches = new BatchOperations(database);
        TransactionOperations transactions = new TransactionOperations(database);
        StreamOperations streams = new StreamOperations(database);
        Map<String, Operation> dynamoDb = new LinkedHashMap<>();
        dynamoDb.put("CreateTable", controlPlane::createTable);
        dynamoDb.put("DescribeTable", controlPlane::describeTable);
        dynamoDb.put("ListTables", controlPlane::listTables);
        dynamoDb.put("DeleteTable", controlPlane::deleteTable);
        dynamoDb.put("UpdateTable", controlPlane::updateTable);
        dynamoDb.put("UpdateTimeToLive", controlPlane::updateTimeToLive);
        dynamoDb.put("DescribeTimeToLive", controlPlane::describeTimeToLive);
        Tagging tagging = new Tagging(database);
        dynamoDb.put("TagResource", tagging::tagResource);
        dynamoDb.put("UntagResource", tagging::untagResource);
        dynamoDb.put("ListTagsOfResource", tagging::listTagsOfResource);
        dynamoDb.put("PutItem", items::putItem);
        dynamoDb.put("GetItem", items::getItem);
        dynamoDb.put("UpdateItem", items::updateItem);
        dynamoDb.put("DeleteItem", items::deleteItem);
        dynamoDb.put("Query", reads::query);
        dynamoDb.put("Scan", reads::scan);
        dynamoDb.put("BatchGetItem", batches::batchGetItem);
        dynamoDb.put("BatchWriteItem", batches::batchWriteItem);
        dynamoDb.put("TransactWriteItems", transactions::transactWriteItems);
        dynamoDb.put("TransactGetItems", transactions::transactGetItems);
        Map<String, Operation> streamOperations = new LinkedHashMap<>();
        streamOperations.put("ListStreams", streams::listStreams);
        streamOperations.put("DescribeStream", streams::describeStream);
        streamOperations.put("GetShardIterator", streams::getShardIterator);
        streamOperations.put("GetRecords", streams::getRecords);
        this.frontEnd = new HttpFrontEnd(builder.port, dynamoDb, streamOperations);
        if (builder.sweepInterval.isZero()) {
            this.sweeper = null;
        } else {
            this.sweeper = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("dynamodb-emulator-ttl").factory());
            long millis = builder.sweepInterval.toMillis();
            sweeper.scheduleWithFixedDelay(this::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Starts a server on {@code port} (0 picks a free one), in memory or kept in {@code dataDirectory}. */
    public static DynamoDbEmulator start(int port, Optional<Path> dataDirectory) {
        Builder builder = builder().port(port);
        dataDirectory.ifPresent(builder::dataDirectory);
        return builder.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The URI to give the SDK's {@code endpointOverride}, e.g. {@code http://127.0.0.1:8000}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + frontEnd.port());
    }

    public int port() {
        return frontEnd.port();
    }

    /** Runs the TTL process now: deletes expired items (with REMOVE stream records) and trims old stream records. */
    public int sweepExpiredItems() {
        return database.sweep();
    }

    private void sweepQuietly() {
        try {
            database.sweep();
        } catch (RuntimeException failure) {
            System.err.println("dynamodb-emulator: TTL sweep failed: " + failure);
        }
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        frontEnd.close();
        if (log != null) {
            if (compactOnClose) {
                database.compact();
            }
            try {
                log.close();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }

    /** Runs the server alone: {@code --port N} (default 8000) and {@code --data-directory PATH} (default: in memory). */
    public static void main(String[] arguments) throws InterruptedException {
        long started = System.nanoTime();
        Builder builder = builder().port(8000);
        for (int index = 0; index < arguments.length; index++) {
            switch (arguments[index]) {
                case "--port" -> builder.port(Integer.parseInt(arguments[++index]));
                case "--data-directory" -> builder.dataDirectory(Path.of(arguments[++index]));
                case "--ttl-sweep-seconds" ->
                    builder.sweepInterval(Duration.ofSeconds(Long.parseLong(arguments[++index])));
                default -> {
                    System.err.println(
                            "usage: java -jar dynamodb-emulator.jar [--port N] [--data-directory PATH] [--ttl-sweep-seconds N]");
                    System.exit(2);
                }
            }
        }
        DynamoDbEmulator emulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        System.out.println("DynamoDB emulator listening on " + emulator.endpoint() + " (started in "
                + (System.nanoTime() - started) / 1_000_000 + " ms)");
        stopped.await();
    }

    public static final class Builder {
        private int port;
        private Path dataDirectory;
        private Clock clock = Clock.systemUTC();
        private Duration sweepInterval = Duration.ofSeconds(5);
        private long compactionThresholdBytes = 64L * 1024 * 1024;
        private boolean syncEveryWrite;
        private boolean compactOnClose = true;

        private Builder() {}

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder dataDirectory(Path value) {
            this.dataDirectory = value;
            return this;
        }

        /** The clock of TTL, stream retention, iterator expiry and idempotency windows (tests move it). */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** How often the TTL process runs in the background; zero turns it off (call {@link #sweepExpiredItems()}). */
        public Builder sweepInterval(Duration value) {
            this.sweepInterval = value;
            return this;
        }

        /** When the log grows past this size, a snapshot is written and the log emptied. */
        public Builder compactionThresholdBytes(long value) {
            this.compactionThresholdBytes = value;
            return this;
        }

        /** Forces every log append to the disk (survives power loss, slower); without it, a process kill loses nothing written. */
        public Builder syncEveryWrite(boolean value) {
            this.syncEveryWrite = value;
            return this;
        }

        /** Whether close() writes a snapshot and empties the log (true by default; tests of recovery turn it off). */
        public Builder compactOnClose(boolean value) {
            this.compactOnClose = value;
            return this;
        }

        public DynamoDbEmulator start() {
            try {
                return new DynamoDbEmulator(this);
            } catch (IOException failure) {
                throw new UncheckedIOException("Cannot start the DynamoDB emulator", failure);
            }
        }
    }
}

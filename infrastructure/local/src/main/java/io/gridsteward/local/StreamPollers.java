package io.gridsteward.local;

import io.gridsteward.local.lambda.LocalFunction;
import io.gridsteward.local.stream.BatchDelivery;
import io.gridsteward.local.stream.Checkpoint;
import io.gridsteward.local.stream.DeliverySettings;
import io.gridsteward.local.stream.DynamoDbStreamSource;
import io.gridsteward.local.stream.EventFilter;
import io.gridsteward.local.stream.FileDeadLetters;
import io.gridsteward.local.stream.StreamPoller;
import io.gridsteward.local.template.SamTemplate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's event-source mappings: one poller thread per stream mapping of the template, each with its own checkpoint
 * ({@code poller-checkpoint-<function>}), reading the table's stream and delivering to its function.
 */
final class StreamPollers implements AutoCloseable {

    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final Path dataDirectory;
    private final PrintStream console;
    private final List<Thread> threads = new ArrayList<>();
    private final List<CountDownLatch> drained = new ArrayList<>();
    private volatile boolean stopping;

    StreamPollers(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, Path dataDirectory, PrintStream console) {
        this.dynamoDb = dynamoDb;
        this.streams = streams;
        this.dataDirectory = dataDirectory;
        this.console = console;
    }

    synchronized void start(
            SamTemplate.FunctionSpecification specification, LocalFunction function, LocalStackOptions options) {
        SamTemplate.StreamMapping mapping = specification.streamMapping().orElseThrow();
        DeliverySettings settings = new DeliverySettings(
                options.batchSize(),
                options.batchingWindow(),
                Math.max(0, mapping.maximumRetryAttempts()),
                mapping.bisectOnFunctionError(),
                mapping.reportBatchItemFailures());
        DynamoDbStreamSource source =
                new DynamoDbStreamSource(dynamoDb, streams, LocalStack.TABLE_NAME, LocalStack.REGION);
        BatchDelivery delivery = new BatchDelivery(
                function,
                settings,
                new FileDeadLetters(dataDirectory.resolve("dead-letter"), console),
                StreamPollers::backOff);
        StreamPoller poller = new StreamPoller(
                source,
                Checkpoint.load(dataDirectory.resolve("poller-checkpoint-" + specification.name()), source.streamArn()),
                delivery,
                EventFilter.of(mapping.filterPatterns()),
                settings,
                System::currentTimeMillis,
                Thread::sleep);
        CountDownLatch reachedTheEnd = new CountDownLatch(1);
        drained.add(reachedTheEnd);
        threads.add(Thread.ofPlatform()
                .daemon()
                .name("stream-poller-" + specification.name())
                .start(() -> poll(specification.name(), poller, reachedTheEnd)));
    }

    /** Waits until every poller has once found nothing more to deliver: the stream as it was when they started is in. */
    void awaitDrained() throws InterruptedException {
        List<CountDownLatch> latches;
        synchronized (this) {
            latches = List.copyOf(drained);
        }
        for (CountDownLatch latch : latches) {
            latch.await();
        }
    }

    private void poll(String name, StreamPoller poller, CountDownLatch reachedTheEnd) {
        while (!stopping) {
            try {
                if (poller.pollOnce() == 0) {
                    reachedTheEnd.countDown();
                    Thread.sleep(250);
                }
            } catch (InterruptedException interrupted) {
                return;
            } catch (RuntimeException failure) {
                if (stopping) {
                    return;
                }
                console.println("stream poller of " + name + ": " + failure.getMessage() + " (retrying)");
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private static void backOff(int retry) {
        try {
            Thread.sleep(Math.min(5_000, 100L << Math.min(retry, 6)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops every poller, waiting a few seconds for each to finish its batch. */
    @Override
    public synchronized void close() {
        stopping = true;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

package io.gridsteward.lakemaintenance;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import io.gridsteward.analytics.lake.LakeColumn;
import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.LakeTable;
import io.gridsteward.analytics.lake.parquet.InMemoryOutputFile;
import io.gridsteward.analytics.lake.parquet.ParquetObjectWriter;
import io.gridsteward.analytics.lake.parquet.ParquetRowReader;
import io.gridsteward.analytics.lake.stream.LakeBatchWriter;
import io.gridsteward.analytics.lake.stream.LakeBucket;
import io.gridsteward.analytics.lake.stream.RecordOutcome;
import io.gridsteward.analytics.lake.stream.S3LakeBucket;
import io.gridsteward.analytics.lake.stream.StreamRecordConverter;
import io.gridsteward.analytics.testing.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.duckdb.DuckDBDriver;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The closing note's figures, from one run:
 * <pre>
 * ./mvnw -B -q -pl functions/lake-maintenance exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.gridsteward.lakemaintenance.LakeBenchmark
 * </pre>
 * 1. rows/s of the lake writer (stream records → converter → Parquet, SNAPPY, in memory) on a 10,000-record batch
 *    against raw parquet-java (ExampleParquetWriter, same schema and codec) writing the same rows; median of 9 runs after
 *    3 warm-ups each; 2. objects of one partition-day before and after compaction, a day of 1,000 events landed by the
 *    stream path in S3Proxy with a 5-second batching window; 3. the share of a generated year's lake bytes (one
 *    compacted object per day, 1,000 events each) that a 7-day query's {@code dt} filter selects, per DuckDB's own
 *    partition pruning (the files it reads, by {@code filename}).
 */
public final class LakeBenchmark {

    private static final int BATCH = 10_000;
    private static final int RUNS = 9;
    private static final int WARM_UPS = 3;
    private static final LakeTable TABLE = LakeSchema.TICKET_EVENTS;

    private LakeBenchmark() {}

    public static void main(String[] arguments) throws Exception {
        writerThroughput();
        compactionFileCounts();
        sevenDayScanShare();
    }

    private static void writerThroughput() throws IOException {
        Instant start = Instant.parse("2026-11-20T00:00:00Z");
        List<DynamodbStreamRecord> records = new ArrayList<>();
        for (int index = 0; index < BATCH; index++) {
            // One partition-day, so the lake writer writes one object, as raw parquet-java does.
            records.add(TicketEventItems.insert(
                    TicketEventItems.event(
                            "bench-" + index / 2,
                            index % 2 + 1,
                            index % 2 == 0 ? "REPORTED" : "DISPATCHED",
                            start.plusSeconds(index * 8L)),
                    1_000_000L + index));
        }
        StreamRecordConverter converter = new StreamRecordConverter();
        List<List<Object>> rows = records.stream()
                .map(converter::convert)
                .map(outcome -> ((RecordOutcome.Row) outcome).row().values())
                .toList();
        ParquetObjectWriter parquet = new ParquetObjectWriter(CompressionCodecName.SNAPPY);
        SizeOfLastPut lakeWriterBytes = new SizeOfLastPut();
        LakeBatchWriter lakeWriter = new LakeBatchWriter(converter, parquet, lakeWriterBytes);
        MessageType schema = ParquetObjectWriter.messageType(TABLE);

        double lakeWriterSeconds = medianSeconds(() -> lakeWriter.write(records));
        long[] rawBytes = new long[1];
        double rawSeconds = medianSeconds(() -> rawBytes[0] = rawParquetJava(schema, rows));

        double lakeWriterRate = BATCH / lakeWriterSeconds;
        double rawRate = BATCH / rawSeconds;
        System.out.printf(
                "1. lake writer, %d-record batch: %.0f rows/s (%.1f ms, %d bytes); raw parquet-java, same rows: %.0f rows/s"
                        + " (%.1f ms, %d bytes); ratio lake writer / raw = %.2f%n",
                BATCH,
                lakeWriterRate,
                lakeWriterSeconds * 1000,
                lakeWriterBytes.size,
                rawRate,
                rawSeconds * 1000,
                rawBytes[0],
                lakeWriterRate / rawRate);
    }

    private static long rawParquetJava(MessageType schema, List<List<Object>> rows) {
        InMemoryOutputFile file = new InMemoryOutputFile();
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        List<LakeColumn> columns = TABLE.columns();
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file)
                .withType(schema)
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            for (List<Object> row : rows) {
                Group group = groups.newGroup();
                for (int index = 0; index < columns.size(); index++) {
                    Object value = row.get(index);
                    if (value == null) {
                        continue;
                    }
                    String name = columns.get(index).name();
                    switch (columns.get(index).type()) {
                        case STRING -> group.append(name, (String) value);
                        case INT32 -> group.append(name, (Integer) value);
                        case INT64 -> group.append(name, (Long) value);
                        case TIMESTAMP_MICROS_UTC ->
                            group.append(name, ChronoUnit.MICROS.between(Instant.EPOCH, (Instant) value));
                    }
                }
                writer.write(group);
            }
        } catch (IOException exception) {
            throw new IllegalStateException(exception);
        }
        return file.bytes().length;
    }

    private static double medianSeconds(Runnable work) {
        for (int warmUp = 0; warmUp < WARM_UPS; warmUp++) {
            work.run();
        }
        double[] seconds = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            work.run();
            seconds[run] = (System.nanoTime() - started) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[RUNS / 2];
    }

    private static void compactionFileCounts() throws Exception {
        String day = "2026-11-20";
        Instant midnight = LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
        Random random = new Random(20261120);
        // 1,000 events at random moments of the day; the stream path closes a batch every 5 s (MaximumBatchingWindow).
        Map<Long, List<Map<String, String>>> windows = new TreeMap<>();
        for (int index = 0; index < 1000; index++) {
            Instant at = midnight.plusMillis(random.nextLong(86_400_000L));
            windows.computeIfAbsent(at.toEpochMilli() / 5000, window -> new ArrayList<>())
                    .add(TicketEventItems.event("day-" + index, 1, "REPORTED", at));
        }
        try (S3ProxyServer server = S3ProxyServer.start()) {
            S3Client s3 = server.createBucket("benchmark");
            S3LakeBucket storage = new S3LakeBucket(s3, "benchmark");
            ParquetObjectWriter parquet = new ParquetObjectWriter(CompressionCodecName.SNAPPY);
            LakeBatchWriter writer =
                    new LakeBatchWriter(new StreamRecordConverter(), parquet, new S3LakeBucket(s3, "benchmark"));
            long sequence = 1;
            for (List<Map<String, String>> window : windows.values()) {
                List<DynamodbStreamRecord> batch = new ArrayList<>();
                for (Map<String, String> event : window) {
                    batch.add(TicketEventItems.insert(event, sequence++));
                }
                writer.write(batch);
            }
            String prefix = "ticket_events/dt=" + day + "/";
            List<LakeBucket.LakeObject> before = storage.list(prefix);
            long started = System.nanoTime();
            new Compaction(storage, new ParquetRowReader(), parquet).compactDay(TABLE, day);
            double seconds = (System.nanoTime() - started) / 1e9;
            List<LakeBucket.LakeObject> after = storage.list(prefix);
            System.out.printf(
                    "2. partition-day %s, 1,000 events landed in 5-second batches: %d objects (%d bytes) before compaction,"
                            + " %d object (%d bytes) after; compaction took %.1f s%n",
                    day,
                    before.size(),
                    before.stream().mapToLong(LakeBucket.LakeObject::size).sum(),
                    after.size(),
                    after.stream().mapToLong(LakeBucket.LakeObject::size).sum(),
                    seconds);
            s3.close();
        }
    }

    private static void sevenDayScanShare() throws Exception {
        Path lake = Files.createTempDirectory("lake-year-");
        ParquetObjectWriter parquet = new ParquetObjectWriter(CompressionCodecName.SNAPPY);
        StreamRecordConverter converter = new StreamRecordConverter();
        LocalDate first = LocalDate.parse("2025-11-26");
        Random random = new Random(2025);
        for (int dayIndex = 0; dayIndex < 365; dayIndex++) {
            LocalDate day = first.plusDays(dayIndex);
            Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            List<List<Object>> rows = new ArrayList<>();
            for (int index = 0; index < 1000; index++) {
                var event = TicketEventItems.event(
                        "year-" + dayIndex + "-" + index / 2,
                        index % 2 + 1,
                        index % 2 == 0 ? "REPORTED" : "DISPATCHED",
                        midnight.plusMillis(random.nextLong(86_400_000L)));
                rows.add(((RecordOutcome.Row) converter.convert(TicketEventItems.insert(event, index + 1L)))
                        .row()
                        .values());
            }
            Path file = lake.resolve("ticket_events").resolve("dt=" + day).resolve("compacted.parquet");
            Files.createDirectories(file.getParent());
            Files.write(file, parquet.write(TABLE, rows));
        }
        long totalBytes;
        try (Stream<Path> files = Files.walk(lake)) {
            totalBytes = files.filter(Files::isRegularFile)
                    .mapToLong(LakeBenchmark::size)
                    .sum();
        }
        LocalDate last = first.plusDays(364);
        String from = last.minusDays(6).toString();
        Set<String> selected = new HashSet<>();
        long rowsRead;
        try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement statement = connection.createStatement()) {
            String glob = lake.resolve("ticket_events")
                    .resolve("*")
                    .resolve("*.parquet")
                    .toString();
            try (ResultSet result = statement.executeQuery("SELECT DISTINCT filename FROM read_parquet('" + glob
                    + "', hive_partitioning = true, filename = true, hive_types = {'dt': VARCHAR}) WHERE dt >= '" + from
                    + "' AND dt <= '" + last + "'")) {
                while (result.next()) {
                    selected.add(result.getString(1));
                }
            }
            try (ResultSet result = statement.executeQuery("SELECT count(*) FROM read_parquet('" + glob
                    + "', hive_partitioning = true, hive_types = {'dt': VARCHAR}) WHERE dt >= '" + from + "'")) {
                result.next();
                rowsRead = result.getLong(1);
            }
        }
        long selectedBytes =
                selected.stream().mapToLong(file -> size(Path.of(file))).sum();
        System.out.printf(
                "3. a generated year (365 days x 1,000 events, one object per day, %d bytes): a 7-day query (dt %s..%s)"
                        + " reads %d files, %d bytes = %.2f%% of the lake's bytes (%d rows)%n",
                totalBytes, from, last, selected.size(), selectedBytes, 100.0 * selectedBytes / totalBytes, rowsRead);
        try (Stream<Path> files = Files.walk(lake)) {
            files.sorted((left, right) -> right.getNameCount() - left.getNameCount())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException exception) {
            throw new IllegalStateException(exception);
        }
    }

    /** A bucket that keeps only the size of the last object put: the benchmark measures the writer, not S3. */
    private static final class SizeOfLastPut implements LakeBucket {
        long size;

        @Override
        public void put(String key, byte[] body) {
            size = body.length;
        }

        @Override
        public List<LakeObject> list(String prefix) {
            return List.of();
        }

        @Override
        public byte[] get(String key) {
            throw new IllegalStateException("this bucket keeps no objects, only the size of the last put");
        }

        @Override
        public void delete(Collection<String> keys) {}
    }
}

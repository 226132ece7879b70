package io.gridsteward.analytics.lake.parquet;

import io.gridsteward.analytics.lake.LakeColumn;
import io.gridsteward.analytics.lake.LakeTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes the rows of one lake table into one Parquet file in memory (a batch is small; Lambda has the memory),
 * with the schema derived from LakeSchema: strings as BINARY (STRING), integers as INT32 or INT64, instants as INT64
 * TIMESTAMP(MICROS, isAdjustedToUTC=true).
 */
public final class ParquetObjectWriter {

    private final CompressionCodecName compression;

    public ParquetObjectWriter(CompressionCodecName compression) {
        this.compression = Objects.requireNonNull(compression, "compression");
    }

    /** The Parquet schema of a lake table. */
    public static MessageType messageType(LakeTable table) {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (LakeColumn column : table.columns()) {
            Type.Repetition repetition = column.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
            Type type = switch (column.type()) {
                case STRING ->
                    Types.primitive(PrimitiveTypeName.BINARY, repetition)
                            .as(LogicalTypeAnnotation.stringType())
                            .named(column.name());
                case INT32 ->
                    Types.primitive(PrimitiveTypeName.INT32, repetition).named(column.name());
                case INT64 ->
                    Types.primitive(PrimitiveTypeName.INT64, repetition).named(column.name());
                case TIMESTAMP_MICROS_UTC ->
                    Types.primitive(PrimitiveTypeName.INT64, repetition)
                            .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS))
                            .named(column.name());
            };
            builder.addField(type);
        }
        return builder.named(table.name());
    }

    /** @param rows each row's values in the table's column order (see {@code TicketEventRow.values()}) */
    public byte[] write(LakeTable table, List<List<Object>> rows) {
        InMemoryOutputFile file = new InMemoryOutputFile();
        try (ParquetWriter<List<Object>> writer = new Builder(file, table)
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(compression)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (List<Object> row : rows) {
                writer.write(row);
            }
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot write Parquet rows of " + table.name(), exception);
        }
        return file.bytes();
    }

    private static final class Builder extends ParquetWriter.Builder<List<Object>, Builder> {

        private final LakeTable table;

        private Builder(OutputFile file, LakeTable table) {
            super(file);
            this.table = table;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<List<Object>> getWriteSupport(ParquetConfiguration configuration) {
            return new RowWriteSupport(table);
        }

        @Override
        protected WriteSupport<List<Object>> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
            return new RowWriteSupport(table);
        }
    }

    private static final class RowWriteSupport extends WriteSupport<List<Object>> {

        private final LakeTable table;
        private final MessageType schema;
        private RecordConsumer consumer;

        private RowWriteSupport(LakeTable table) {
            this.table = table;
            this.schema = messageType(table);
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, new HashMap<>());
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(schema, new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(List<Object> row) {
            List<LakeColumn> columns = table.columns();
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "a " + table.name() + " row has " + columns.size() + " values, not " + row.size());
            }
            consumer.startMessage();
            for (int index = 0; index < columns.size(); index++) {
                LakeColumn column = columns.get(index);
                Object value = row.get(index);
                if (value == null) {
                    if (!column.nullable()) {
                        throw new IllegalArgumentException(table.name() + "." + column.name() + " must not be empty");
                    }
                    continue;
                }
                consumer.startField(column.name(), index);
                switch (column.type()) {
                    case STRING -> consumer.addBinary(Binary.fromString((String) value));
                    case INT32 -> consumer.addInteger((Integer) value);
                    case INT64 -> consumer.addLong((Long) value);
                    case TIMESTAMP_MICROS_UTC -> consumer.addLong(epochMicroseconds((Instant) value));
                }
                consumer.endField(column.name(), index);
            }
            consumer.endMessage();
        }

        private static long epochMicroseconds(Instant instant) {
            return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
        }
    }
}

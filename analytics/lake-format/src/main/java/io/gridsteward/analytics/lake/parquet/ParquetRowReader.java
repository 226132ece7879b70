package io.gridsteward.analytics.lake.parquet;

import io.gridsteward.analytics.lake.LakeColumn;
import io.gridsteward.analytics.lake.LakeTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads a lake object back into rows in the table's column order (the shape the lake writer's
 * {@code ParquetObjectWriter} takes). Columns are matched by name: a file written before a column was added reads
 * as null in it, so compaction and backfill carry old files into the current schema. Only the requested columns
 * are decoded (reconciliation reads event ids only).
 */
public final class ParquetRowReader {

    /** All of the table's columns. */
    public List<List<Object>> read(LakeTable table, byte[] file) {
        return read(table, table.columns(), file);
    }

    /** The given columns of the table, each row's values in that order. */
    public List<List<Object>> read(LakeTable table, List<LakeColumn> columns, byte[] file) {
        List<List<Object>> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = new Builder(new BytesInputFile(file), columns).build()) {
            for (Group group = reader.read(); group != null; group = reader.read()) {
                Object[] values = new Object[columns.size()];
                for (int index = 0; index < columns.size(); index++) {
                    values[index] = value(group, columns.get(index));
                }
                rows.add(Collections.unmodifiableList(Arrays.asList(values)));
            }
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot read a Parquet object of " + table.name(), exception);
        }
        return rows;
    }

    private static Object value(Group group, LakeColumn column) {
        GroupType type = group.getType();
        if (!type.containsField(column.name()) || group.getFieldRepetitionCount(column.name()) == 0) {
            return null;
        }
        String name = column.name();
        return switch (column.type()) {
            case STRING -> group.getString(name, 0);
            case INT32 -> group.getInteger(name, 0);
            case INT64 -> group.getLong(name, 0);
            case TIMESTAMP_MICROS_UTC -> Instant.EPOCH.plus(group.getLong(name, 0), ChronoUnit.MICROS);
        };
    }

    /** The file's schema narrowed to the requested columns it has. */
    private static MessageType projection(MessageType fileSchema, List<LakeColumn> columns) {
        List<Type> fields = new ArrayList<>();
        for (LakeColumn column : columns) {
            if (fileSchema.containsField(column.name())) {
                fields.add(fileSchema.getType(column.name()));
            }
        }
        return new MessageType(fileSchema.getName(), fields);
    }

    private static final class Builder extends ParquetReader.Builder<Group> {

        private final List<LakeColumn> columns;

        private Builder(InputFile file, List<LakeColumn> columns) {
            super(file, new PlainParquetConfiguration());
            this.columns = columns;
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new ProjectingReadSupport(columns);
        }
    }

    private static final class ProjectingReadSupport extends ReadSupport<Group> {

        private final List<LakeColumn> columns;

        private ProjectingReadSupport(List<LakeColumn> columns) {
            this.columns = columns;
        }

        @Override
        public ReadContext init(InitContext context) {
            return new ReadContext(projection(context.getFileSchema(), columns));
        }

        @Override
        public RecordMaterializer<Group> prepareForRead(
                ParquetConfiguration configuration,
                Map<String, String> metadata,
                MessageType fileSchema,
                ReadContext context) {
            return new GroupRecordConverter(context.getRequestedSchema());
        }

        @Override
        public RecordMaterializer<Group> prepareForRead(
                org.apache.hadoop.conf.Configuration configuration,
                Map<String, String> metadata,
                MessageType fileSchema,
                ReadContext context) {
            return new GroupRecordConverter(context.getRequestedSchema());
        }
    }

    /** An InputFile over a byte array: objects are read whole from S3, nothing touches the file system. */
    private record BytesInputFile(byte[] bytes) implements InputFile {

        @Override
        public long getLength() {
            return bytes.length;
        }

        @Override
        public SeekableInputStream newStream() {
            SeekableBytes stream = new SeekableBytes(bytes);
            return new DelegatingSeekableInputStream(stream) {
                @Override
                public long getPos() {
                    return stream.position();
                }

                @Override
                public void seek(long position) {
                    stream.seek(position);
                }
            };
        }
    }

    private static final class SeekableBytes extends ByteArrayInputStream {

        private SeekableBytes(byte[] bytes) {
            super(bytes);
        }

        long position() {
            return pos;
        }

        void seek(long position) {
            if (position < 0 || position > count) {
                throw new IllegalArgumentException("seek to " + position + " outside 0.." + count);
            }
            pos = (int) position;
        }
    }
}

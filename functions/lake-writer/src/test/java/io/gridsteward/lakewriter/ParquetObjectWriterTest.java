package io.gridsteward.lakewriter;

import static io.gridsteward.analytics.testing.TicketEvents.dispatched;
import static io.gridsteward.analytics.testing.TicketEvents.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.LakeType;
import io.gridsteward.analytics.lake.TicketEventRow;
import io.gridsteward.analytics.lake.parquet.ParquetObjectWriter;
import io.gridsteward.analytics.testing.ParquetFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetObjectWriterTest {

    @TempDir
    Path temporary;

    @ParameterizedTest
    @EnumSource(
            value = CompressionCodecName.class,
            names = {"ZSTD", "SNAPPY", "UNCOMPRESSED"})
    void writesFilesAnotherEngineReadsBackExactly(CompressionCodecName compression) throws Exception {
        List<TicketEventRow> rows = List.of(
                reported("t-1", "grid-1", Instant.parse("2026-11-25T08:00:00.123Z")),
                dispatched("t-1", "grid-1", Instant.parse("2026-11-25T08:05:00.999Z"), 2));
        Path file = temporary.resolve(compression + ".parquet");

        Files.write(
                file,
                new ParquetObjectWriter(compression)
                        .write(
                                LakeSchema.TICKET_EVENTS,
                                rows.stream().map(TicketEventRow::values).toList()));

        assertThat(ParquetFiles.read(file)).containsExactlyElementsOf(rows);
        assertThat(ParquetFiles.describe(file).get("occurred_at")).isEqualTo(LakeType.TIMESTAMP_MICROS_UTC);
        assertThat(ParquetFiles.describe(file).get("sequence")).isEqualTo(LakeType.INT64);
    }

    @Test
    void timestampsAreMicrosecondsAdjustedToUtcAndNullableColumnsOptional() {
        var schema = ParquetObjectWriter.messageType(LakeSchema.TICKET_EVENTS);

        assertThat(schema.getType("occurred_at").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS));
        assertThat(schema.getType("from_status").isRepetition(Type.Repetition.OPTIONAL))
                .isTrue();
        assertThat(schema.getType("event_id").isRepetition(Type.Repetition.REQUIRED))
                .isTrue();
        assertThat(schema.getFields())
                .extracting(Type::getName)
                .containsExactlyElementsOf(LakeSchema.TICKET_EVENTS.columnNames());
    }

    @Test
    void anEmptyRequiredValueIsRefused() {
        Object[] values = reported("t-1", "grid-1", Instant.parse("2026-11-25T08:00:00Z"))
                .values()
                .toArray();
        values[9] = null;
        ParquetObjectWriter writer = new ParquetObjectWriter(CompressionCodecName.ZSTD);

        assertThatThrownBy(() -> writer.write(LakeSchema.TICKET_EVENTS, List.of(Arrays.asList(values))))
                .hasMessageContaining("ticket_events.grid_id must not be empty");
    }
}

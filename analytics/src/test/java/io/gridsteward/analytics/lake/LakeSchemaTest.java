package io.gridsteward.analytics.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.analytics.query.SqlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LakeSchemaTest {

    private static final Pattern COLUMN_LIST = Pattern.compile(
            "CREATE EXTERNAL TABLE IF NOT EXISTS (\\w+) \\((.*?)\\)\\s*PARTITIONED BY \\((\\w+) (\\w+)\\)",
            Pattern.DOTALL);

    /** The Columns list of the Glue table resource: from its "Columns:" line to the first line that is not a column. */
    private static final Pattern GLUE_TABLE = Pattern.compile(
            "\\n  TicketEventsGlueTable:\\n.*?\\n {10}Columns:\\n((?: {12}- \\{[^\\n]*\\n)+)", Pattern.DOTALL);

    private static final Pattern GLUE_COLUMN = Pattern.compile("- \\{Name: (\\w+), Type: (\\w+)\\}");

    @Test
    void athenaDdlDeclaresExactlyTheSchemaColumnsInOrder() {
        String ddl = SqlFiles.read("ddl/ticket_events.sql");
        Matcher matcher = COLUMN_LIST.matcher(ddl);
        assertThat(matcher.find()).as("DDL shape").isTrue();

        List<String> declared = new ArrayList<>();
        for (String line : matcher.group(2).split(",")) {
            declared.add(line.strip());
        }
        List<String> expected = LakeSchema.TICKET_EVENTS.columns().stream()
                .map(column -> column.name() + " " + column.type().athenaType())
                .toList();

        assertThat(matcher.group(1)).isEqualTo(LakeSchema.TICKET_EVENTS.name());
        assertThat(declared).containsExactlyElementsOf(expected);
        assertThat(matcher.group(3) + " " + matcher.group(4)).isEqualTo(LakeSchema.PARTITION_COLUMN + " string");
    }

    @Test
    void athenaDdlProjectsTheDatePartitionsFromTheObjectKeys() {
        String ddl = SqlFiles.read("ddl/ticket_events.sql");

        assertThat(ddl)
                .contains("STORED AS PARQUET")
                .contains("'projection.enabled' = 'true'")
                .contains("'projection.dt.type' = 'date'")
                .contains("'projection.dt.format' = 'yyyy-MM-dd'")
                .contains("'projection.dt.range' = '2024-01-01,NOW'")
                .contains("'storage.location.template' = 's3://${LAKE_BUCKET}/ticket_events/dt=${dt}'");
    }

    @Test
    void objectKeyFollowsTheContractSoARetriedBatchOverwrites() {
        String key = LakeSchema.objectKey(LakeSchema.TICKET_EVENTS, "2026-11-25", "shardId-00000001", "100", "250");

        assertThat(key).isEqualTo("ticket_events/dt=2026-11-25/shardId-00000001-100-250.parquet");
    }

    @Test
    void partitionValueIsTheUtcDateOfTheEvent() {
        assertThat(LakeSchema.partitionValue(Instant.parse("2026-11-25T23:59:59.999Z")))
                .isEqualTo("2026-11-25");
        assertThat(LakeSchema.partitionValue(Instant.parse("2026-11-26T00:00:00Z")))
                .isEqualTo("2026-11-26");
    }

    @Test
    void noLakeColumnCarriesPersonalData() {
        List<String> forbidden = List.of(
                "name",
                "phone",
                "address",
                "reporter",
                "description",
                "reason",
                "actor_id",
                "user_id",
                "latitude",
                "longitude",
                "id_card");
        for (LakeTable table : LakeSchema.TABLES) {
            for (String column : table.columnNames()) {
                assertThat(forbidden)
                        .as(table.name() + "." + column)
                        .noneMatch(word -> column.equals(word) || column.contains(word));
            }
        }
    }

    @Test
    void ticketEventRowComponentsAreTheSchemaColumnsInOrder() {
        List<String> components = Arrays.stream(TicketEventRow.class.getRecordComponents())
                .map(component ->
                        component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT))
                .toList();
        TicketEventRow row = new TicketEventRow(
                "e",
                "t",
                7,
                "EVALUATED",
                "RESOLVED",
                "EVALUATED",
                Instant.parse("2026-11-25T08:00:00Z"),
                "RESIDENT",
                "o",
                "g",
                "c",
                "w",
                "k",
                "a",
                "HIGH",
                Instant.parse("2026-11-25T09:00:00Z"),
                Instant.parse("2026-11-26T08:00:00Z"),
                4,
                "DEPARTMENT");

        assertThat(components).containsExactlyElementsOf(LakeSchema.TICKET_EVENTS.columnNames());
        assertThat(row.values())
                .containsExactly(
                        "e",
                        "t",
                        7L,
                        "EVALUATED",
                        "RESOLVED",
                        "EVALUATED",
                        Instant.parse("2026-11-25T08:00:00Z"),
                        "RESIDENT",
                        "o",
                        "g",
                        "c",
                        "w",
                        "k",
                        "a",
                        "HIGH",
                        Instant.parse("2026-11-25T09:00:00Z"),
                        Instant.parse("2026-11-26T08:00:00Z"),
                        4,
                        "DEPARTMENT");
    }

    @Test
    void aRatingOutsideOneToFiveIsRejected() {
        assertThatThrownBy(() -> new TicketEventRow(
                        "e",
                        "t",
                        7,
                        "EVALUATED",
                        "RESOLVED",
                        "EVALUATED",
                        Instant.parse("2026-11-25T08:00:00Z"),
                        "RESIDENT",
                        null,
                        "g",
                        "c",
                        "w",
                        "k",
                        null,
                        "LOW",
                        null,
                        null,
                        6,
                        null))
                .hasMessageContaining("rating must be 1 to 5");
    }

    @Test
    void glueTableInTheTemplateDeclaresExactlyTheSchemaColumnsInOrder() throws IOException {
        String template = Files.readString(Path.of(System.getProperty("template.file", "../template.yaml")));
        Matcher resource = GLUE_TABLE.matcher(template);
        assertThat(resource.find()).as("TicketEventsGlueTable with its Columns").isTrue();

        List<String> declared = new ArrayList<>();
        Matcher column = GLUE_COLUMN.matcher(resource.group(1));
        while (column.find()) {
            declared.add(column.group(1) + " " + column.group(2));
        }
        List<String> expected = LakeSchema.TICKET_EVENTS.columns().stream()
                .map(lakeColumn -> lakeColumn.name() + " " + lakeColumn.type().athenaType())
                .toList();

        assertThat(declared).containsExactlyElementsOf(expected);
    }

    @Test
    void aTableRejectsDuplicateColumnsAndAStoredPartitionColumn() {
        var eventId = LakeColumn.required("event_id", LakeType.STRING);

        assertThatThrownBy(() -> new LakeTable("t", List.of(eventId, eventId), "dt"))
                .hasMessageContaining("duplicate column event_id");
        assertThatThrownBy(() -> new LakeTable("t", List.of(LakeColumn.required("dt", LakeType.STRING)), "dt"))
                .hasMessageContaining("must not be stored");
        assertThatThrownBy(() -> LakeColumn.required("EventId", LakeType.STRING))
                .hasMessageContaining("snake_case");
    }
}

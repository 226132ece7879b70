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

/** The resource_events table: its row, its Athena DDL, its Glue table and view in the template and its view file agree. */
class ResourceLakeSchemaTest {

    private static final Pattern COLUMN_LIST = Pattern.compile(
            "CREATE EXTERNAL TABLE IF NOT EXISTS (\\w+) \\((.*?)\\)\\s*PARTITIONED BY \\((\\w+) (\\w+)\\)",
            Pattern.DOTALL);
    private static final Pattern GLUE_TABLE = Pattern.compile(
            "\\n  ResourceEventsGlueTable:\\n.*?\\n {10}Columns:\\n((?: {12}- \\{[^\\n]*\\n)+)", Pattern.DOTALL);
    private static final Pattern GLUE_COLUMN = Pattern.compile("- \\{Name: (\\w+), Type: (\\w+)\\}");
    private static final LakeTable TABLE = LakeSchema.RESOURCE_EVENTS;

    @Test
    void theRowsComponentsAreTheTablesColumnsInOrder() {
        List<String> components = Arrays.stream(ResourceEventRow.class.getRecordComponents())
                .map(component ->
                        component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT))
                .toList();

        assertThat(components).containsExactlyElementsOf(TABLE.columnNames());
        assertThat(LakeSchema.TABLES).contains(TABLE);
        assertThat(row(4).values()).hasSize(TABLE.columns().size());
    }

    @Test
    void athenaDdlDeclaresExactlyTheColumnsInOrder() {
        Matcher matcher = COLUMN_LIST.matcher(SqlFiles.read("ddl/resource_events.sql"));
        assertThat(matcher.find()).isTrue();
        List<String> declared =
                Arrays.stream(matcher.group(2).split(",")).map(String::strip).toList();

        assertThat(matcher.group(1)).isEqualTo(TABLE.name());
        assertThat(declared)
                .containsExactlyElementsOf(TABLE.columns().stream()
                        .map(column -> column.name() + " " + column.type().athenaType())
                        .toList());
        assertThat(SqlFiles.read("ddl/resource_events.sql"))
                .contains("'storage.location.template' = 's3://${LAKE_BUCKET}/resource_events/dt=${dt}'");
    }

    @Test
    void theTemplatesGlueTableAndViewDeclareExactlyTheColumns() throws IOException {
        String template = Files.readString(Path.of(System.getProperty("template.file", "../template.yaml")));
        Matcher resource = GLUE_TABLE.matcher(template);
        assertThat(resource.find()).isTrue();
        List<String> declared = new ArrayList<>();
        Matcher column = GLUE_COLUMN.matcher(resource.group(1));
        while (column.find()) {
            declared.add(column.group(1) + " " + column.group(2));
        }
        assertThat(declared)
                .containsExactlyElementsOf(TABLE.columns().stream()
                        .map(lakeColumn ->
                                lakeColumn.name() + " " + lakeColumn.type().athenaType())
                        .toList());

        String view = SqlFiles.read("views/resource_events_deduplicated.sql");
        String oneLine = view.lines()
                .filter(line -> !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + " " + b)
                .replaceAll("\\s+", " ")
                .strip()
                .replace("( ", "(")
                .replace(" )", ")");
        assertThat(template)
                .contains("\"originalSql\":\"" + oneLine + "\"")
                .contains("Name: resource_events_deduplicated");
        for (String name : TABLE.columnNames()) {
            assertThat(view).as("the view lists " + name).containsPattern("\\n  " + name + ",\\n");
        }
    }

    @Test
    void noColumnCarriesPeopleOrTheirWords() {
        assertThat(TABLE.columnNames())
                .noneMatch(name -> name.contains("member_id")
                        || name.contains("resident")
                        || name.contains("title")
                        || name.contains("reason")
                        || name.contains("actor_id")
                        || name.contains("owner"));
    }

    @Test
    void aRatingOutsideOneToFiveOrASmallWishFlagOtherThanZeroOrOneIsRejected() {
        assertThatThrownBy(() -> row(6)).hasMessageContaining("rating must be 1 to 5");
        assertThatThrownBy(() -> new ResourceEventRow(
                        "e",
                        "OFFER",
                        "o",
                        1,
                        "OFFER_PUBLISHED",
                        Instant.parse("2026-11-25T08:00:00Z"),
                        "UNIT_OFFICER",
                        "u",
                        "OFFER",
                        "o",
                        "VENUE",
                        "t",
                        null,
                        null,
                        "u",
                        "UNIT",
                        2,
                        1,
                        0,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .hasMessageContaining("smallWish");
    }

    private static ResourceEventRow row(int rating) {
        return new ResourceEventRow(
                "e",
                "PROJECT",
                "c",
                5,
                "PROJECT_RATED",
                Instant.parse("2026-11-25T08:00:00Z"),
                "RESIDENT",
                null,
                "DEMAND",
                "d",
                "SERVICES",
                "t",
                "c1",
                "g1",
                null,
                null,
                1,
                1,
                8_000,
                Instant.parse("2026-11-20T08:00:00Z"),
                "c",
                "MEMBERS",
                null,
                3,
                "c1",
                "g1",
                1L,
                8_000L,
                Instant.parse("2026-11-21T08:00:00Z"),
                rating,
                null,
                null,
                null);
    }
}

package io.gridsteward.analytics.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No personal data in any lake table (DESIGN.md, "Rules that must hold"): every column of every table of
 * LakeSchema, and every column the deployment declares to Glue (tables and views), is held against a list of
 * words that name people, contacts, places or free text.
 */
class PersonalDataTest {

    private static final List<String> FORBIDDEN = List.of(
            "name",
            "phone",
            "mobile",
            "email",
            "address",
            "id_card",
            "identity",
            "description",
            "reason",
            "note",
            "comment",
            "actor_id",
            "user_id",
            "reporter",
            "latitude",
            "longitude",
            "location",
            "photo");
    private static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static final Pattern GLUE_COLUMN = Pattern.compile("\\{Name: (\\w+), Type: [\\w()]+}");
    private static final Pattern VIEW_COLUMN = Pattern.compile("\\{\"name\":\"(\\w+)\",\"type\":\"[^\"]+\"}");

    @Test
    void noSchemaColumnNamesPersonalData() {
        List<String> columns = new ArrayList<>();
        for (LakeTable table : LakeSchema.TABLES) {
            table.columnNames().forEach(column -> columns.add(table.name() + "." + column));
        }

        assertThat(columns).isNotEmpty().allSatisfy(PersonalDataTest::assertNotPersonal);
    }

    @Test
    void noGlueTableOrViewColumnNamesPersonalData() throws IOException {
        String template = Files.readString(TEMPLATE);
        List<String> columns = matches(GLUE_COLUMN, template);
        columns.addAll(matches(VIEW_COLUMN, template));

        assertThat(columns).contains("event_id", "dt").allSatisfy(PersonalDataTest::assertNotPersonal);
    }

    @Test
    void theCheckCatchesThePersonalAttributesOfTheTable() {
        List<String> personal = List.of(
                "reporter_phone",
                "description",
                "reason",
                "actor_id",
                "latitude",
                "longitude",
                "resolution_note",
                "evaluation_comment",
                "photo_keys",
                "id_card_number",
                "exact_address",
                "name");

        assertThat(personal)
                .allSatisfy(column -> assertThat(isPersonal(column)).as(column).isTrue());
    }

    private static void assertNotPersonal(String column) {
        assertThat(isPersonal(column))
                .as("personal data column in the lake: " + column)
                .isFalse();
    }

    private static boolean isPersonal(String qualifiedColumn) {
        String column = qualifiedColumn.substring(qualifiedColumn.indexOf('.') + 1);
        return FORBIDDEN.stream().anyMatch(column::contains);
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}

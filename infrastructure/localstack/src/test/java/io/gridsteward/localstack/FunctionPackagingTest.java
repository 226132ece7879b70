package io.gridsteward.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionPackagingTest {

    private static final Path PROJECT_ROOT =
            Path.of(Objects.requireNonNullElse(System.getProperty("project.root"), "../.."));

    @Test
    void everyFunctionOfTheRepositoryTemplateIsUploadedAndPointedAtAndNothingElseChanges() throws IOException {
        String template = Files.readString(PROJECT_ROOT.resolve("template.yaml"));
        Map<String, Path> uploads = new LinkedHashMap<>();

        String packaged = FunctionPackaging.packaged(template, PROJECT_ROOT, "artifacts", uploads::put);

        assertThat(uploads).hasSize(5);
        assertThat(uploads.keySet()).allSatisfy(key -> assertThat(key).matches("functions/[a-z-]+/[0-9a-f]{64}\\.zip"));
        assertThat(uploads.keySet())
                .extracting(key -> key.split("/")[1])
                .containsExactlyInAnyOrder("api", "jobs", "lake-writer", "lake-maintenance", "dashboard");
        assertThat(packaged).doesNotContain("target/function.zip");
        uploads.keySet().forEach(key -> assertThat(packaged).contains("CodeUri: s3://artifacts/" + key + "\n"));
        // Line for line the same template, but for the CodeUri lines.
        String[] before = template.split("\n", -1);
        String[] after = packaged.split("\n", -1);
        assertThat(after).hasSameSizeAs(before);
        for (int line = 0; line < before.length; line++) {
            if (!before[line].trim().startsWith("CodeUri:")) {
                assertThat(after[line]).isEqualTo(before[line]);
            }
        }
    }

    @Test
    void theKeyIsTheZipsContentSoAnUnchangedFunctionIsTheSameObject(@TempDir Path project) throws IOException {
        Files.createDirectories(project.resolve("functions/api/target"));
        Files.writeString(project.resolve("functions/api/target/function.zip"), "abc");
        String template = "Resources:\n  F:\n    Properties:\n      CodeUri: functions/api/target/function.zip\n";
        Map<String, Path> uploads = new LinkedHashMap<>();

        String packaged = FunctionPackaging.packaged(template, project, "bucket", uploads::put);

        // SHA-256 of "abc", computed independently (FIPS 180-2's first example).
        String expectedKey = "functions/api/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.zip";
        assertThat(uploads).containsOnlyKeys(expectedKey);
        assertThat(packaged)
                .isEqualTo("Resources:\n  F:\n    Properties:\n      CodeUri: s3://bucket/" + expectedKey + "\n");
    }

    @Test
    void aFunctionNotYetBuiltStopsPackagingBeforeAnyUpload(@TempDir Path project) {
        String template =
                "      CodeUri: functions/api/target/function.zip\n      CodeUri: functions/jobs/target/function.zip\n";
        Map<String, Path> uploads = new LinkedHashMap<>();

        assertThatThrownBy(() -> FunctionPackaging.packaged(template, project, "bucket", uploads::put))
                .hasMessageContaining("functions/api/target/function.zip is not built");
        assertThat(uploads).isEmpty();
    }

    @Test
    void aCodeUriWithoutANewLocationIsRefused() {
        assertThatThrownBy(() ->
                        FunctionPackaging.rewritten("      CodeUri: functions/api/target/function.zip\n", Map.of()))
                .hasMessageContaining("no new location for CodeUri functions/api/target/function.zip");
    }

    @Test
    void theStackIsNamedByCountyAndStageAndTakesThemAsParameters() {
        StackDeployer.Deployment deployment = LocalStackDeployment.deployment(PROJECT_ROOT, "qingshan", "e2e");

        assertThat(deployment.stackName()).isEqualTo("grid-steward-qingshan-e2e");
        assertThat(deployment.parameters()).containsExactly(Map.entry("Stage", "e2e"), Map.entry("County", "qingshan"));
    }
}

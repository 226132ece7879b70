package io.gridsteward.analytics.query;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.LakeTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A local copy of the lake bucket's Parquet objects, kept current through the S3 API (ListObjectsV2 +
 * GetObject), so the local engine reads the same objects whatever the endpoint is. Only objects whose ETag
 * changed are downloaded; objects gone from the bucket (compacted away) are removed from the copy.
 * The layout under the directory is the bucket's: {@code <table>/dt=<date>/<file>.parquet}. The ETags are kept in
 * memory and in a manifest beside the copy (rewritten only when they change), so that a restarted process downloads
 * nothing it already has.
 */
public final class LakeMirror {

    private static final String MANIFEST = ".etags.properties";

    private final S3Client s3;
    private final String bucket;
    private final Path directory;
    /** Key → ETag of every mirrored object; null until the first synchronisation reads the manifest. */
    private Map<String, String> mirrored;

    public LakeMirror(S3Client s3, String bucket, Path directory) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.directory =
                Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    /** What one synchronisation did. */
    public record Synchronization(int downloaded, int unchanged, int removed) {}

    public synchronized Synchronization synchronize() {
        return synchronize(LakeSchema.TABLES);
    }

    /** Brings the copy of these tables up to date; the copy of the other tables stays as it is. */
    public synchronized Synchronization synchronize(Collection<LakeTable> tables) {
        try {
            Files.createDirectories(directory);
            Map<String, String> knownEtags = mirrored != null ? mirrored : readManifest();
            Set<String> knownOfTables = new HashSet<>();
            knownEtags.keySet().stream()
                    .filter(key -> tables.stream().anyMatch(table -> key.startsWith(table.keyPrefix())))
                    .forEach(knownOfTables::add);
            Map<String, String> currentEtags = new HashMap<>(knownEtags);
            currentEtags.keySet().removeAll(knownOfTables);
            int downloaded = 0;
            int unchanged = 0;
            for (LakeTable table : tables) {
                var request = ListObjectsV2Request.builder()
                        .bucket(bucket)
                        .prefix(table.keyPrefix())
                        .build();
                for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
                    if (!object.key().endsWith(".parquet")) {
                        continue;
                    }
                    Path local = localPath(object.key());
                    currentEtags.put(object.key(), object.eTag());
                    if (object.eTag().equals(knownEtags.get(object.key())) && Files.exists(local)) {
                        unchanged++;
                    } else {
                        download(object.key(), local);
                        downloaded++;
                    }
                }
            }
            int removed = removeVanished(knownOfTables, currentEtags.keySet());
            if (!currentEtags.equals(knownEtags) || mirrored == null) {
                writeManifest(currentEtags);
            }
            mirrored = Map.copyOf(currentEtags);
            return new Synchronization(downloaded, unchanged, removed);
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot mirror lake bucket " + bucket + " into " + directory, exception);
        } catch (SdkException exception) {
            throw new IllegalStateException(
                    "cannot mirror lake bucket " + bucket + ": " + exception.getMessage(), exception);
        }
    }

    /** Key → ETag of the table's objects as the last synchronisation left them in the copy; empty before the first. */
    public synchronized Map<String, String> objects(LakeTable table) {
        if (mirrored == null) {
            return Map.of();
        }
        Map<String, String> objects = new HashMap<>();
        mirrored.forEach((key, etag) -> {
            if (key.startsWith(table.keyPrefix())) {
                objects.put(key, etag);
            }
        });
        return objects;
    }

    private Path localPath(String key) {
        Path local = directory.resolve(key).normalize();
        if (!local.startsWith(directory) || local.equals(directory)) {
            throw new IllegalStateException("lake object key escapes the mirror directory: " + key);
        }
        return local;
    }

    private void download(String key, Path local) throws IOException {
        Files.createDirectories(local.getParent());
        // A partly written file must never match the engine's *.parquet glob: write aside, then move.
        Path partial = Files.createTempFile(local.getParent(), ".download-", ".partial");
        try (ResponseInputStream<GetObjectResponse> body = s3.getObject(
                        GetObjectRequest.builder().bucket(bucket).key(key).build());
                OutputStream output = Files.newOutputStream(partial)) {
            body.transferTo(output);
        } catch (RuntimeException | IOException exception) {
            Files.deleteIfExists(partial);
            throw exception;
        }
        Files.move(partial, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private int removeVanished(Set<String> knownKeys, Set<String> currentKeys) throws IOException {
        Set<String> vanished = new HashSet<>(knownKeys);
        vanished.removeAll(currentKeys);
        for (String key : vanished) {
            Files.deleteIfExists(localPath(key));
        }
        return vanished.size();
    }

    private Map<String, String> readManifest() throws IOException {
        Path manifest = directory.resolve(MANIFEST);
        Map<String, String> etags = new HashMap<>();
        if (Files.exists(manifest)) {
            Properties properties = new Properties();
            try (InputStream input = Files.newInputStream(manifest)) {
                properties.load(input);
            }
            properties.stringPropertyNames().forEach(key -> etags.put(key, properties.getProperty(key)));
        }
        return etags;
    }

    private void writeManifest(Map<String, String> etags) throws IOException {
        Properties properties = new Properties();
        properties.putAll(etags);
        Path partial = Files.createTempFile(directory, ".manifest-", ".partial");
        try (OutputStream output = Files.newOutputStream(partial)) {
            properties.store(output, "ETag of each mirrored lake object");
        }
        Files.move(
                partial,
                directory.resolve(MANIFEST),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}

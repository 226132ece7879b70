package io.gridsteward.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code sam package} does to template.yaml before CloudFormation sees it: every function's local
 * {@code CodeUri} (its built {@code function.zip}) is uploaded to an artifacts bucket under a key named by its
 * content, and the template is rewritten to point there. The rewrite is textual, line by line, so the rest of the
 * template (short-form intrinsics, comments) reaches CloudFormation exactly as written.
 */
public final class FunctionPackaging {

    private static final Pattern CODE_URI = Pattern.compile("(?m)^([ \\t]+CodeUri:[ \\t]+)(\\S+)[ \\t]*$");

    private FunctionPackaging() {}

    /** The template's local code locations, in order of appearance. */
    public static Map<String, Path> codeLocations(String template, Path projectDirectory) {
        Map<String, Path> locations = new LinkedHashMap<>();
        Matcher matcher = CODE_URI.matcher(template);
        while (matcher.find()) {
            locations.put(matcher.group(2), projectDirectory.resolve(matcher.group(2)));
        }
        return locations;
    }

    /**
     * Uploads each location's file through {@code upload} (key, file) and returns the template pointing at
     * {@code s3://bucket/key}; a missing file is an error naming it, before anything is uploaded.
     */
    public static String packaged(
            String template, Path projectDirectory, String bucket, BiConsumer<String, Path> upload) throws IOException {
        Map<String, Path> locations = codeLocations(template, projectDirectory);
        for (Map.Entry<String, Path> location : locations.entrySet()) {
            if (!Files.isRegularFile(location.getValue())) {
                throw new IOException("CodeUri " + location.getKey() + " is not built (" + location.getValue()
                        + "); run ./mvnw -DskipTests package first");
            }
        }
        Map<String, String> uploaded = new LinkedHashMap<>();
        for (Map.Entry<String, Path> location : locations.entrySet()) {
            String key = "functions/" + moduleOf(location.getKey()) + "/" + sha256(location.getValue()) + ".zip";
            upload.accept(key, location.getValue());
            uploaded.put(location.getKey(), "s3://" + bucket + "/" + key);
        }
        return rewritten(template, uploaded);
    }

    /** The template with each {@code CodeUri} replaced by its new location; every CodeUri must have one. */
    public static String rewritten(String template, Map<String, String> newLocations) {
        Matcher matcher = CODE_URI.matcher(template);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement = newLocations.get(matcher.group(2));
            if (replacement == null) {
                throw new IllegalArgumentException("no new location for CodeUri " + matcher.group(2));
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(1) + replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** {@code functions/api/target/function.zip} → {@code api}. */
    static String moduleOf(String codeUri) {
        String[] parts = codeUri.split("/");
        for (int index = 1; index < parts.length; index++) {
            if (parts[index].equals("target")) {
                return parts[index - 1];
            }
        }
        return parts[parts.length - 1].replaceAll("\\W", "-");
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        try (InputStream input = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = input.read(buffer); read > 0; read = input.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

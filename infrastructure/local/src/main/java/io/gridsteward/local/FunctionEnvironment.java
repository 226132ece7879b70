package io.gridsteward.local;

import io.gridsteward.local.template.SamTemplate;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a function's JVM sees in its environment: the template's variables with local values. */
public final class FunctionEnvironment {

    /** The key that signs party check-in QR tokens on this machine (the template's parameter has no default). */
    private static final String LOCAL_CHECK_IN_TOKEN_KEY =
            "bG9jYWwgc3RhY2sga2V5IGZvciBwYXJ0eSBjaGVjay1pbiB0b2tlbnMgKG5vdCBzZWNyZXQp";

    /** The key that signs lists' page cursors on this machine (the template's is a generated secret). */
    private static final String LOCAL_PAGE_CURSOR_KEY = "grid-steward local page-cursor key, not a secret";

    private FunctionEnvironment() {}

    /** The template's environment with local values: !Ref of a parameter is its default, other intrinsics are dropped. */
    public static Map<String, String> of(
            SamTemplate template,
            SamTemplate.FunctionSpecification specification,
            URI dynamoDbEndpoint,
            URI s3Endpoint,
            Path dataDirectory) {
        Map<String, String> environment = new LinkedHashMap<>();
        specification.environment().forEach((name, value) -> {
            Optional<String> resolved = switch (value) {
                case SamTemplate.Intrinsic intrinsic
                when intrinsic.tag().equals("!Ref") -> template.parameterDefault(String.valueOf(intrinsic.value()));
                case SamTemplate.Intrinsic intrinsic -> Optional.empty();
                default -> Optional.of(String.valueOf(value));
            };
            resolved.ifPresent(text -> environment.put(name, text));
        });
        environment.put("TABLE_NAME", LocalStack.TABLE_NAME);
        environment.put("LAKE_BUCKET", LocalStack.LAKE_BUCKET);
        environment.put("ATTACHMENTS_BUCKET", LocalStack.ATTACHMENTS_BUCKET);
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint.toString());
        environment.put("AWS_ENDPOINT_URL_S3", s3Endpoint.toString());
        environment.put("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
        environment.put("QUERY_ENGINE", "duckdb");
        environment.put(
                "LAKE_CACHE_DIRECTORY", dataDirectory.resolve("lake-cache").toString());
        environment.put("PARTY_CHECK_IN_TOKEN_KEY", LOCAL_CHECK_IN_TOKEN_KEY);
        environment.put("PAGE_CURSOR_KEY", LOCAL_PAGE_CURSOR_KEY);
        return environment;
    }
}

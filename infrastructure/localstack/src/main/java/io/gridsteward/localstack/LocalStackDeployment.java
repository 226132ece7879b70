package io.gridsteward.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code deploy} or {@code delete} the stack where the SDK's standard settings point: against a running LocalStack,
 * {@code AWS_ENDPOINT_URL=http://localhost:4566 AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test}.
 *
 * <pre>
 * deploy [--stage local] [--county qingshan] [--project .]   prints the stack's outputs
 * delete [--stage local] [--county qingshan]
 * </pre>
 */
public final class LocalStackDeployment {

    static final Duration PATIENCE = Duration.ofMinutes(15);

    private LocalStackDeployment() {}

    public static void main(String[] arguments) throws Exception {
        if (arguments.length == 0 || !List.of("deploy", "delete").contains(arguments[0])) {
            System.err.println("usage: deploy|delete [--stage local] [--county qingshan] [--project .]");
            System.exit(2);
        }
        Map<String, String> options = options(arguments);
        String stage = options.getOrDefault("--stage", "local");
        String county = options.getOrDefault("--county", "qingshan");
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder()
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
                S3Client s3 = S3Client.builder()
                        .httpClient(UrlConnectionHttpClient.create())
                        .forcePathStyle(true)
                        .build()) {
            StackDeployer deployer = new StackDeployer(cloudFormation, s3, System.out);
            String stackName = stackName(county, stage);
            if (arguments[0].equals("delete")) {
                deployer.delete(stackName, PATIENCE);
                System.out.println("deleted " + stackName);
                return;
            }
            DeployedStack stack =
                    deployer.deploy(deployment(Path.of(options.getOrDefault("--project", ".")), county, stage));
            stack.outputs().forEach((key, value) -> System.out.printf("  %-24s %s%n", key, value));
        }
    }

    static String stackName(String county, String stage) {
        return "grid-steward-" + county + "-" + stage;
    }

    /** The stack for one county and stage: parameters as {@code sam deploy --guided} would ask for them, no alarm topic. */
    public static StackDeployer.Deployment deployment(Path projectDirectory, String county, String stage) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Stage", stage);
        parameters.put("County", county);
        return new StackDeployer.Deployment(
                projectDirectory.toAbsolutePath().normalize(),
                stackName(county, stage),
                "grid-steward-artifacts-" + county + "-" + stage,
                parameters,
                PATIENCE);
    }

    private static Map<String, String> options(String[] arguments) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int index = 1; index < arguments.length; index++) {
            String flag = arguments[index];
            if (!List.of("--stage", "--county", "--project").contains(flag) || index + 1 >= arguments.length) {
                throw new IllegalArgumentException("unknown or incomplete option " + flag);
            }
            options.put(flag, arguments[++index]);
        }
        return options;
    }
}

package io.gridsteward.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.ResourceStatus;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * Creates the whole of template.yaml as one CloudFormation stack, where the SDK's standard endpoint settings point
 * ({@code AWS_ENDPOINT_URL}, or {@code AWS_ENDPOINT_URL_CLOUDFORMATION} and {@code AWS_ENDPOINT_URL_S3}; their
 * system-property twins {@code aws.endpointUrl...} in tests): LocalStack, in practice.
 *
 * <p>The SAM transform ({@code AWS::Serverless-2016-10-31}) is left to the CloudFormation service, as on AWS:
 * LocalStack's CloudFormation runs AWS's own SAM translator on the template. Translating it here would be a second,
 * hand-written SAM that could disagree with the real one on exactly what this path is meant to prove. What SAM's CLI
 * does before that ({@code sam package}: functions' zips to S3, {@code CodeUri} rewritten) is done here
 * ({@link FunctionPackaging}); the template goes up by URL, as {@code sam deploy} sends it: a request body takes
 * at most 51,200 bytes, and the template is near 40 KB before the next contexts add theirs.
 */
public final class StackDeployer {

    /** Resources that failed, the reason CloudFormation gave: what a failed deployment reports. */
    private static final Set<ResourceStatus> FAILED =
            Set.of(ResourceStatus.CREATE_FAILED, ResourceStatus.UPDATE_FAILED);

    private final CloudFormationClient cloudFormation;
    private final S3Client s3;
    private final PrintStream console;

    public StackDeployer(CloudFormationClient cloudFormation, S3Client s3, PrintStream console) {
        this.cloudFormation = cloudFormation;
        this.s3 = s3;
        this.console = console;
    }

    /** What to deploy: the project (template.yaml and the built zips), the stack's name and its parameters. */
    public record Deployment(
            Path projectDirectory,
            String stackName,
            String artifactsBucket,
            Map<String, String> parameters,
            Duration patience) {}

    /** Packages, creates the stack and waits for CREATE_COMPLETE; a failure names each failed resource and why. */
    public DeployedStack deploy(Deployment deployment) throws IOException {
        createBucketIfMissing(deployment.artifactsBucket());
        String template = Files.readString(deployment.projectDirectory().resolve("template.yaml"));
        String packaged = FunctionPackaging.packaged(
                template, deployment.projectDirectory(), deployment.artifactsBucket(), (key, file) -> {
                    console.printf(
                            "uploading %s to s3://%s/%s%n",
                            deployment.projectDirectory().relativize(file), deployment.artifactsBucket(), key);
                    s3.putObject(
                            request ->
                                    request.bucket(deployment.artifactsBucket()).key(key),
                            RequestBody.fromFile(file));
                });
        String templateKey = "templates/" + deployment.stackName() + ".yaml";
        s3.putObject(
                request -> request.bucket(deployment.artifactsBucket()).key(templateKey),
                RequestBody.fromString(packaged, StandardCharsets.UTF_8));
        String templateUrl = s3.utilities()
                .getUrl(request -> request.bucket(deployment.artifactsBucket()).key(templateKey))
                .toString();

        console.printf("creating stack %s from %s%n", deployment.stackName(), templateUrl);
        cloudFormation.createStack(request -> request.stackName(deployment.stackName())
                .templateURL(templateUrl)
                .capabilities(
                        Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM, Capability.CAPABILITY_AUTO_EXPAND)
                .parameters(deployment.parameters().entrySet().stream()
                        .map(parameter -> Parameter.builder()
                                .parameterKey(parameter.getKey())
                                .parameterValue(parameter.getValue())
                                .build())
                        .toList()));
        Stack stack = awaitSettled(deployment.stackName(), deployment.patience());
        if (stack.stackStatus() != StackStatus.CREATE_COMPLETE) {
            throw new IllegalStateException("stack " + deployment.stackName() + " ended " + stack.stackStatusAsString()
                    + (stack.stackStatusReason() == null ? "" : " (" + stack.stackStatusReason() + ")")
                    + failures(deployment.stackName()));
        }
        Map<String, String> outputs = stack.outputs().stream()
                .collect(Collectors.toMap(
                        Output::outputKey, Output::outputValue, (first, second) -> first, LinkedHashMap::new));
        Map<String, String> physicalIds =
                cloudFormation
                        .describeStackResources(request -> request.stackName(deployment.stackName()))
                        .stackResources()
                        .stream()
                        .collect(Collectors.toMap(
                                StackResource::logicalResourceId,
                                StackResource::physicalResourceId,
                                (first, second) -> first,
                                LinkedHashMap::new));
        console.printf("stack %s is up: %d resources%n", deployment.stackName(), physicalIds.size());
        return new DeployedStack(deployment.stackName(), outputs, physicalIds);
    }

    /** Deletes the stack; the table, lake and attachments buckets stay (DeletionPolicy: Retain), as on AWS. */
    public void delete(String stackName, Duration patience) {
        cloudFormation.deleteStack(request -> request.stackName(stackName));
        try {
            awaitSettled(stackName, patience);
        } catch (CloudFormationException gone) {
            // A deleted stack can no longer be described by name: that is the end we waited for.
        }
    }

    private Stack awaitSettled(String stackName, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Stack stack = cloudFormation
                    .describeStacks(request -> request.stackName(stackName))
                    .stacks()
                    .getFirst();
            if (!stack.stackStatusAsString().endsWith("_IN_PROGRESS")) {
                return stack;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stack " + stackName + " still " + stack.stackStatusAsString()
                        + " after " + patience + failures(stackName));
            }
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for stack " + stackName, interrupted);
            }
        }
    }

    private String failures(String stackName) {
        List<StackEvent> failed =
                cloudFormation
                        .describeStackEventsPaginator(request -> request.stackName(stackName))
                        .stackEvents()
                        .stream()
                        .filter(event -> FAILED.contains(event.resourceStatus()))
                        .toList();
        return failed.stream()
                .map(event -> "\n  " + event.logicalResourceId() + " (" + event.resourceType() + "): "
                        + event.resourceStatusReason())
                .collect(Collectors.joining());
    }

    private void createBucketIfMissing(String bucket) {
        try {
            s3.createBucket(request -> request.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException exists) {
            // Packaged again into the same bucket: content-named keys make that harmless.
        }
    }
}

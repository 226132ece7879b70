package io.gridsteward.dynamodb.emulator.junit;

import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Runs an in-memory emulator for a test class. With the system property {@value #ENDPOINT_PROPERTY} (or the
 * environment variable {@value #ENDPOINT_VARIABLE}) set to a URL, it starts nothing and hands out that endpoint
 * instead, to run a suite against another server (LocalStack, a standalone emulator) for comparison; tests that need
 * the emulator object itself ({@link #emulator()}, {@link #requireEmulator()}) are then skipped. As a static {@code @RegisterExtension} field or with
 * {@code @ExtendWith} it lives for the whole class; as an instance field, for each test. Test methods and
 * constructors may take {@link DynamoDbClient}, {@link DynamoDbStreamsClient}, {@link DynamoDbEmulator} or the
 * endpoint {@link URI} as parameters.
 */
public final class DynamoDbEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    public static final String ENDPOINT_PROPERTY = "dynamodb.emulator.endpoint";
    public static final String ENDPOINT_VARIABLE = "DYNAMODB_EMULATOR_ENDPOINT";

    private final Supplier<DynamoDbEmulator> starter;
    private final URI externalEndpoint = externalEndpoint();
    private DynamoDbEmulator emulator;
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient streams;
    /** The test class or test method whose lifetime the emulator has; nested classes share their outer class's. */
    private String owner;

    public DynamoDbEmulatorExtension() {
        this(() -> DynamoDbEmulator.start(0, Optional.empty()));
    }

    /** For an emulator configured otherwise, e.g. {@code () -> DynamoDbEmulator.builder().clock(clock).start()}. */
    public DynamoDbEmulatorExtension(Supplier<DynamoDbEmulator> starter) {
        this.starter = starter;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startFor(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startFor(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopFor(context);
    }

    private static URI externalEndpoint() {
        String configured = System.getProperty(ENDPOINT_PROPERTY, System.getenv(ENDPOINT_VARIABLE));
        return configured == null || configured.isBlank() ? null : URI.create(configured);
    }

    /** Whether the tests run against the in-process emulator rather than an external endpoint. */
    public boolean emulated() {
        return externalEndpoint == null;
    }

    /** Skips the calling test when the suite runs against an external endpoint. */
    public void requireEmulator() {
        Assumptions.assumeTrue(emulated(), "needs the in-process emulator, not the endpoint " + externalEndpoint);
    }

    private void startFor(ExtensionContext context) {
        if (emulator == null && emulated()) {
            emulator = starter.get();
            owner = context.getUniqueId();
        }
    }

    private void stopFor(ExtensionContext context) {
        if (context.getUniqueId().equals(owner)) {
            stop();
        }
    }

    private void start() {
        requireEmulator();
        if (emulator == null) {
            emulator = starter.get();
        }
    }

    private void stop() {
        if (dynamoDb != null) {
            dynamoDb.close();
            dynamoDb = null;
        }
        if (streams != null) {
            streams.close();
            streams = null;
        }
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
        owner = null;
    }

    public DynamoDbEmulator emulator() {
        start();
        return emulator;
    }

    public URI endpoint() {
        return emulated() ? emulator().endpoint() : externalEndpoint;
    }

    /** A client shared by the tests of this extension's lifetime; closed with it. */
    public DynamoDbClient dynamoDbClient() {
        if (dynamoDb == null) {
            dynamoDb = emulated()
                    ? EmulatorClients.dynamoDb(endpoint())
                    : EmulatorClients.dynamoDbWithDefaultCredentials(endpoint());
        }
        return dynamoDb;
    }

    public DynamoDbStreamsClient dynamoDbStreamsClient() {
        if (streams == null) {
            streams = emulated()
                    ? EmulatorClients.dynamoDbStreams(endpoint())
                    : EmulatorClients.dynamoDbStreamsWithDefaultCredentials(endpoint());
        }
        return streams;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DynamoDbClient.class
                || type == DynamoDbStreamsClient.class
                || type == DynamoDbEmulator.class
                || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == DynamoDbClient.class) {
            return dynamoDbClient();
        }
        if (type == DynamoDbStreamsClient.class) {
            return dynamoDbStreamsClient();
        }
        if (type == DynamoDbEmulator.class) {
            return emulator();
        }
        return endpoint();
    }
}

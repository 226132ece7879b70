package io.gridsteward.dynamodb.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One emulator for the class, shared by nested classes and still there after them; parameters resolved. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DynamoDbEmulatorExtensionTest {
    @RegisterExtension
    static final DynamoDbEmulatorExtension EMULATOR = new DynamoDbEmulatorExtension();

    private static URI firstEndpoint;

    @Test
    @Order(1)
    void startsBeforeTheFirstTest(DynamoDbClient client, URI endpoint) {
        EMULATOR.requireEmulator();
        firstEndpoint = endpoint;
        assertThat(EMULATOR.emulator().endpoint()).isEqualTo(endpoint);
        assertThat(client.listTables().tableNames()).isEmpty();
    }

    @Nested
    class Inner {
        @Test
        void sharesTheOuterEmulator(URI endpoint) {
            assertThat(endpoint).isEqualTo(EMULATOR.endpoint());
        }
    }

    @Test
    @Order(2)
    void keepsTheSameEmulatorForTheWholeClass() {
        EMULATOR.requireEmulator();
        assertThat(EMULATOR.endpoint()).isEqualTo(firstEndpoint);
        assertThat(EMULATOR.dynamoDbClient().listTables().tableNames()).isEmpty();
    }
}

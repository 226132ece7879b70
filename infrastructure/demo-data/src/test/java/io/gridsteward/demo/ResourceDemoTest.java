package io.gridsteward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.resource.ClaimantKind;
import io.gridsteward.domain.resource.Demand;
import io.gridsteward.domain.resource.DemandStatus;
import io.gridsteward.domain.resource.Offer;
import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.PageRequest;
import io.gridsteward.store.core.TableDefinition;
import io.gridsteward.store.organisation.OrganisationStore;
import io.gridsteward.store.resource.ResourceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

class ResourceDemoTest {

    private static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");
    private static final String TABLE = "resource-demo";

    @RegisterExtension
    static final DynamoDbEmulatorExtension DYNAMODB = new DynamoDbEmulatorExtension();

    @Test
    void aYearOfResourcesMovedDownInTheDemoCounty() throws Exception {
        DYNAMODB.dynamoDbClient().createTable(TableDefinition.createRequest(TABLE));
        ResourceStore store = new ResourceStore(
                DYNAMODB.dynamoDbClient(),
                TABLE,
                Clock.fixed(NOW, ZoneOffset.UTC),
                new PageCursor(PageCursor.LOCAL_KEY));

        int events = new ResourceDemo(DemoCounty.load())
                .write(new OrganisationStore(DYNAMODB.dynamoDbClient(), TABLE), store, NOW, 14);

        List<Map<String, AttributeValue>> resourceEvents = new ArrayList<>();
        DYNAMODB.dynamoDbClient()
                .scanPaginator(ScanRequest.builder().tableName(TABLE).build())
                .items()
                .forEach(item -> {
                    if (item.containsKey("entity") && item.get("entity").s().equals("ResourceEvent")) {
                        resourceEvents.add(item);
                    }
                });
        assertThat(resourceEvents).hasSizeGreaterThan(1_500);
        assertThat(events).isPositive();
        assertThat(resourceEvents)
                .extracting(item -> Instant.parse(item.get("occurredAt").s()))
                .allSatisfy(at -> assertThat(at).isBetween(NOW.minus(Duration.ofDays(366)), NOW));
        assertThat(resourceEvents)
                .extracting(item -> item.get("eventType").s())
                .contains(
                        "OFFER_PUBLISHED",
                        "DEMAND_SUBMITTED",
                        "DEMAND_PUBLISHED",
                        "DEMAND_REJECTED",
                        "CLAIMED",
                        "CLAIM_DECLINED",
                        "PROJECT_STARTED",
                        "PROJECT_COMPLETED",
                        "PROJECT_RATED",
                        "FOLLOWED_UP");
        assertThat(resourceEvents)
                .filteredOn(item -> item.get("eventType").s().equals("CLAIMED"))
                .extracting(
                        item -> ClaimantKind.valueOf(item.get("claimantKind").s()))
                .contains(ClaimantKind.values());
        assertThat(resourceEvents)
                .filteredOn(item -> item.get("eventType").s().equals("CLAIMED")
                        && item.get("memberCount").n().equals("3"))
                .as("joint claims of three members")
                .isNotEmpty();
        assertThat(resourceEvents)
                .noneMatch(item -> item.containsKey("beneficiaryIds") || item.containsKey("memberIds"));

        for (String town : List.of("town-qingxi", "town-shiqiao", "town-taoyuan")) {
            for (Offer offer : store.offerPool(new OrganisationId(town), new PageRequest(100, Optional.empty()))
                    .items()) {
                assertThat(offer.remaining()).isBetween(0L, offer.provision().quantity());
            }
            for (Demand demand : store.demandPool(new OrganisationId(town), new PageRequest(100, Optional.empty()))
                    .items()) {
                assertThat(demand.status()).isEqualTo(DemandStatus.PUBLISHED);
                assertThat(demand.remaining()).isBetween(0L, demand.provision().quantity());
            }
        }
    }
}

package io.gridsteward.analytics.lake.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.ResourceEventRow;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceEventConverterTest {

    private final StreamRecordConverter converter = new StreamRecordConverter();

    /** A resident's rating of a project that met a small wish claimed by three members, as the store writes it. */
    private static Map<String, AttributeValue> rated() {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("pk", s("RES#PROJECT#claim-9"));
        image.put("sk", s("EVENT#000005"));
        image.put("entity", s("ResourceEvent"));
        image.put("eventId", s("e-9"));
        image.put("subject", s("PROJECT"));
        image.put("subjectId", s("claim-9"));
        image.put("sequence", n("5"));
        image.put("eventType", s("PROJECT_RATED"));
        image.put("occurredAt", s("2026-11-26T02:00:00.000Z"));
        image.put("actorId", s("resident-wang-fang"));
        image.put("actorRole", s("RESIDENT"));
        image.put("reason", s("Thank you Li Ming, the lamp is bright"));
        image.put("itemType", s("DEMAND"));
        image.put("itemId", s("wish-1"));
        image.put("resourceKind", s("SERVICES"));
        image.put("townId", s("town-1"));
        image.put("communityId", s("community-3"));
        image.put("gridId", s("grid-7"));
        image.put("smallWish", new AttributeValue().withBOOL(true));
        image.put("itemQuantity", n("1"));
        image.put("itemValueFen", n("8000"));
        image.put("publishedAt", s("2026-11-20T02:00:00.000Z"));
        image.put("claimId", s("claim-9"));
        image.put("claimantKind", s("MEMBERS"));
        image.put("memberCount", n("3"));
        image.put("claimCommunityId", s("community-3"));
        image.put("claimGridId", s("grid-7"));
        image.put("claimQuantity", n("1"));
        image.put("claimValueFen", n("8000"));
        image.put("claimedAt", s("2026-11-20T03:00:00.000Z"));
        image.put("rating", n("4"));
        return image;
    }

    @Test
    void aRatingLandsWithItsFactsButNotTheResidentOrTheirWords() {
        RecordOutcome outcome = converter.convert(record(rated()));

        ResourceEventRow row = (ResourceEventRow) ((RecordOutcome.Row) outcome).row();
        assertThat(row)
                .isEqualTo(new ResourceEventRow(
                        "e-9",
                        "PROJECT",
                        "claim-9",
                        5,
                        "PROJECT_RATED",
                        Instant.parse("2026-11-26T02:00:00Z"),
                        "RESIDENT",
                        null,
                        "DEMAND",
                        "wish-1",
                        "SERVICES",
                        "town-1",
                        "community-3",
                        "grid-7",
                        null,
                        null,
                        1,
                        1,
                        8_000,
                        Instant.parse("2026-11-20T02:00:00Z"),
                        "claim-9",
                        "MEMBERS",
                        null,
                        3,
                        "community-3",
                        "grid-7",
                        1L,
                        8_000L,
                        Instant.parse("2026-11-20T03:00:00Z"),
                        4,
                        null,
                        null,
                        null));
        assertThat(row.table()).isEqualTo(LakeSchema.RESOURCE_EVENTS);
        assertThat(row.values()).doesNotContain("resident-wang-fang", "Thank you Li Ming, the lamp is bright");
    }

    @Test
    void anOfferPublishedHasNoClaimAndAMistypedFlagIsUnreadable() {
        Map<String, AttributeValue> image = rated();
        for (String claimAttribute : new String[] {
            "claimId",
            "claimantKind",
            "memberCount",
            "claimCommunityId",
            "claimGridId",
            "claimQuantity",
            "claimValueFen",
            "claimedAt",
            "rating",
            "smallWish"
        }) {
            image.remove(claimAttribute);
        }
        image.put("eventType", s("OFFER_PUBLISHED"));
        image.put("itemType", s("OFFER"));
        image.put("providerOrgId", s("unit-school"));
        image.put("providerOrgKind", s("UNIT"));

        ResourceEventRow row = (ResourceEventRow) ((RecordOutcome.Row) converter.convert(record(image))).row();

        assertThat(row.smallWish()).isZero();
        assertThat(row.claimId()).isNull();
        assertThat(row.claimQuantity()).isNull();
        assertThat(row.providerOrgId()).isEqualTo("unit-school");

        image.put("smallWish", s("yes"));
        assertThat(converter.convert(record(image)))
                .isEqualTo(new RecordOutcome.Unreadable("1", "attribute smallWish must be a boolean (BOOL)"));
    }

    @Test
    void theStateItemsOfTheContextAreSkipped() {
        for (String entity :
                new String[] {"Offer", "Demand", "ResourceClaim", "Project", "ResourceIdempotency", "UnitCommunities"
                }) {
            assertThat(converter.convert(record(Map.of("entity", s(entity)))))
                    .isInstanceOf(RecordOutcome.Skipped.class);
        }
    }

    private static AttributeValue s(String value) {
        return new AttributeValue().withS(value);
    }

    private static AttributeValue n(String value) {
        return new AttributeValue().withN(value);
    }

    private static DynamodbStreamRecord record(Map<String, AttributeValue> image) {
        StreamRecord streamRecord = new StreamRecord();
        streamRecord.setSequenceNumber("1");
        streamRecord.setNewImage(image);
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(streamRecord);
        return record;
    }
}

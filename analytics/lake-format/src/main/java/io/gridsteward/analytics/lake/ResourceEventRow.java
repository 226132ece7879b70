package io.gridsteward.analytics.lake;

import static io.gridsteward.analytics.lake.LakeColumn.optional;
import static io.gridsteward.analytics.lake.LakeColumn.required;
import static io.gridsteward.analytics.lake.LakeType.INT32;
import static io.gridsteward.analytics.lake.LakeType.INT64;
import static io.gridsteward.analytics.lake.LakeType.STRING;
import static io.gridsteward.analytics.lake.LakeType.TIMESTAMP_MICROS_UTC;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One row of the lake's {@code resource_events} table: a step on an offer, a demand, a claim or a project, with the
 * facts the resources-moved-down metrics group by — the item (kind, town, community, grid, provider, quantity and
 * value in fen, publication time), the claim (claimant kind and organisation, how many members, the community served,
 * quantity, value, claim time), a rating or a follow-up's outcome. No user ids, titles, reasons or residents: who
 * acted is a role and an organisation, members are a count.
 */
public record ResourceEventRow(
        String eventId,
        String subject,
        String subjectId,
        long sequence,
        String eventType,
        Instant occurredAt,
        String actorRole,
        String actorOrgId,
        String itemType,
        String itemId,
        String resourceKind,
        String townId,
        String communityId,
        String gridId,
        String providerOrgId,
        String providerOrgKind,
        int smallWish,
        long itemQuantity,
        long itemValueFen,
        Instant publishedAt,
        String claimId,
        String claimantKind,
        String claimantOrgId,
        Integer memberCount,
        String claimCommunityId,
        String claimGridId,
        Long claimQuantity,
        Long claimValueFen,
        Instant claimedAt,
        Integer rating,
        String followUpOutcome,
        String fundingKind,
        String fundingId)
        implements LakeRow {

    static final LakeTable TABLE = new LakeTable(
            "resource_events",
            List.of(
                    required("event_id", STRING),
                    required("subject", STRING),
                    required("subject_id", STRING),
                    required("sequence", INT64),
                    required("event_type", STRING),
                    required("occurred_at", TIMESTAMP_MICROS_UTC),
                    required("actor_role", STRING),
                    optional("actor_org_id", STRING),
                    required("item_type", STRING),
                    required("item_id", STRING),
                    required("resource_kind", STRING),
                    required("town_id", STRING),
                    optional("community_id", STRING),
                    optional("grid_id", STRING),
                    optional("provider_org_id", STRING),
                    optional("provider_org_kind", STRING),
                    // 1 for a resident's small wish (微心愿), 0 otherwise.
                    required("small_wish", INT32),
                    required("item_quantity", INT64),
                    required("item_value_fen", INT64),
                    optional("published_at", TIMESTAMP_MICROS_UTC),
                    optional("claim_id", STRING),
                    optional("claimant_kind", STRING),
                    optional("claimant_org_id", STRING),
                    optional("member_count", INT32),
                    optional("claim_community_id", STRING),
                    optional("claim_grid_id", STRING),
                    optional("claim_quantity", INT64),
                    optional("claim_value_fen", INT64),
                    optional("claimed_at", TIMESTAMP_MICROS_UTC),
                    optional("rating", INT32),
                    optional("follow_up_outcome", STRING),
                    optional("funding_kind", STRING),
                    optional("funding_id", STRING)),
            LakeSchema.PARTITION_COLUMN);

    public ResourceEventRow {
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("rating must be 1 to 5, not " + rating);
        }
        if (smallWish != 0 && smallWish != 1) {
            throw new IllegalArgumentException("smallWish is 0 or 1, not " + smallWish);
        }
    }

    @Override
    public LakeTable table() {
        return TABLE;
    }

    @Override
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(
                eventId,
                subject,
                subjectId,
                sequence,
                eventType,
                occurredAt,
                actorRole,
                actorOrgId,
                itemType,
                itemId,
                resourceKind,
                townId,
                communityId,
                gridId,
                providerOrgId,
                providerOrgKind,
                smallWish,
                itemQuantity,
                itemValueFen,
                publishedAt,
                claimId,
                claimantKind,
                claimantOrgId,
                memberCount,
                claimCommunityId,
                claimGridId,
                claimQuantity,
                claimValueFen,
                claimedAt,
                rating,
                followUpOutcome,
                fundingKind,
                fundingId));
    }

    @Override
    public String partitionValue() {
        return LakeSchema.partitionValue(occurredAt);
    }
}

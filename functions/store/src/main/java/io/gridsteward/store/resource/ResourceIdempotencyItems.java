package io.gridsteward.store.resource;

import io.gridsteward.domain.resource.Claim;
import io.gridsteward.domain.resource.ClaimId;
import io.gridsteward.domain.resource.ItemType;
import io.gridsteward.store.core.Attributes;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.core.TableDefinition;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The record of an Idempotency-Key's first use on a claim: the claim it made, the item it claimed and the request's
 * hash. It lives {@link ResourceStore#IDEMPOTENCY_WINDOW}; the table's TTL attribute removes it later.
 */
final class ResourceIdempotencyItems {

    static final String ENTITY = "ResourceIdempotency";

    private ResourceIdempotencyItems() {}

    static Map<String, AttributeValue> item(IdempotencyClaim idempotency, Claim claim, Instant now) {
        Map<String, AttributeValue> item =
                new HashMap<>(Attributes.builder(ENTITY, ResourceKeys.idempotency(idempotency))
                        .string("callerId", idempotency.callerId())
                        .string("idempotencyKey", idempotency.key())
                        .string("requestHash", idempotency.requestHash())
                        .string("claimId", claim.id().value())
                        .string("itemType", claim.item().type().name())
                        .string("itemId", claim.item().itemId())
                        .instant("createdAt", now)
                        .build());
        item.put(
                TableDefinition.TIME_TO_LIVE_ATTRIBUTE,
                AttributeValue.fromN(
                        Long.toString(now.plus(ResourceStore.IDEMPOTENCY_WINDOW).getEpochSecond())));
        return Map.copyOf(item);
    }

    /** What the key was first used for; empty when the record expired but the TTL process has not swept it yet. */
    static Optional<FirstUse> firstUse(Map<String, AttributeValue> item, Instant now) {
        Attributes record = Attributes.of(item);
        if (record.longNumber(TableDefinition.TIME_TO_LIVE_ATTRIBUTE) < now.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new FirstUse(
                new ClaimId(record.string("claimId")),
                ItemType.valueOf(record.string("itemType")),
                record.string("itemId"),
                record.string("requestHash")));
    }

    record FirstUse(ClaimId claimId, ItemType itemType, String itemId, String requestHash) {

        boolean isSameRequest(IdempotencyClaim claim, ItemType type, String id) {
            return itemType == type && itemId.equals(id) && requestHash.equals(claim.requestHash());
        }
    }
}

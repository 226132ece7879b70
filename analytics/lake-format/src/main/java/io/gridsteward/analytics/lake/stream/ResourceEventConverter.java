package io.gridsteward.analytics.lake.stream;

import io.gridsteward.analytics.lake.ResourceEventRow;

/**
 * A {@code ResourceEvent} item as a row of {@code resource_events}: only the listed facts, so the actor's user id,
 * the reason, titles, members' and residents' ids on the item never reach the lake.
 */
final class ResourceEventConverter {

    static final String ENTITY = "ResourceEvent";

    private ResourceEventConverter() {}

    static ResourceEventRow row(EventImage image) {
        Long memberCount = image.optionalNumber("memberCount");
        return new ResourceEventRow(
                image.requiredString("eventId"),
                image.requiredString("subject"),
                image.requiredString("subjectId"),
                image.requiredNumber("sequence"),
                image.requiredString("eventType"),
                image.requiredInstant("occurredAt"),
                image.requiredString("actorRole"),
                image.optionalString("actorOrgId"),
                image.requiredString("itemType"),
                image.requiredString("itemId"),
                image.requiredString("resourceKind"),
                image.requiredString("townId"),
                image.optionalString("communityId"),
                image.optionalString("gridId"),
                image.optionalString("providerOrgId"),
                image.optionalString("providerOrgKind"),
                image.optionalBoolean("smallWish") ? 1 : 0,
                image.requiredNumber("itemQuantity"),
                image.requiredNumber("itemValueFen"),
                image.optionalInstant("publishedAt"),
                image.optionalString("claimId"),
                image.optionalString("claimantKind"),
                image.optionalString("claimantOrgId"),
                memberCount == null ? null : Math.toIntExact(memberCount),
                image.optionalString("claimCommunityId"),
                image.optionalString("claimGridId"),
                image.optionalNumber("claimQuantity"),
                image.optionalNumber("claimValueFen"),
                image.optionalInstant("claimedAt"),
                image.optionalRating(),
                image.optionalString("followUpOutcome"),
                image.optionalString("fundingKind"),
                image.optionalString("fundingId"));
    }
}

package io.gridsteward.store.resource;

import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.resource.ClaimId;
import io.gridsteward.domain.resource.DemandId;
import io.gridsteward.domain.resource.OfferId;
import io.gridsteward.domain.resource.ProjectId;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.core.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The resource context's keys, all under {@code RES#} so they cannot meet another context's: a partition per offer,
 * demand, claim and project holding its state item and its events ({@link Keys#eventSort}), a unit's declared
 * communities, and the index partitions of the lists (the module README's access patterns).
 */
final class ResourceKeys {

    static final String PREFIX = "RES#";
    static final String STATE_SORT = "STATE";
    static final String DECLARATION_SORT_PREFIX = "DECLARED#";
    /** A claim's Idempotency-Key record sits in the caller's key partition under its own sort key, apart from tickets'. */
    static final String CLAIM_IDEMPOTENCY_SORT = "RES#CLAIM";

    private ResourceKeys() {}

    static String offer(OfferId id) {
        return "RES#OFFER#" + id.value();
    }

    static String demand(DemandId id) {
        return "RES#DEMAND#" + id.value();
    }

    static String claim(ClaimId id) {
        return "RES#CLAIM#" + id.value();
    }

    static String project(ProjectId id) {
        return "RES#PROJECT#" + id.value();
    }

    static String unit(OrganisationId unit) {
        return "RES#UNIT#" + unit.value();
    }

    static Map<String, AttributeValue> state(String partition) {
        return Keys.key(partition, STATE_SORT);
    }

    static Map<String, AttributeValue> idempotency(IdempotencyClaim claim) {
        return Keys.key(Keys.idempotencyPartition(claim.callerId(), claim.key()), CLAIM_IDEMPOTENCY_SORT);
    }

    /** gsi1: the open offers in a town's pool, by publication. */
    static String offerPool(OrganisationId town) {
        return "RES#OFFERPOOL#" + town.value();
    }

    /** gsi2: a provider's offers, by publication. */
    static String offersBy(OrganisationId provider) {
        return "RES#PROVIDER#" + provider.value();
    }

    /** gsi1: the published demands of a town's communities, by publication. */
    static String demandPool(OrganisationId town) {
        return "RES#DEMANDPOOL#" + town.value();
    }

    /** gsi3: a community's demands in every status, by status then submission. */
    static String demandsOf(OrganisationId community) {
        return "RES#DEMANDS#" + community.value();
    }

    /** gsi1: the claims waiting for an organisation's decision, oldest first. */
    static String awaitingDecision(OrganisationId decider) {
        return "RES#DECIDE#" + decider.value();
    }

    /** gsi3: a community's completed projects, its public list, newest first. */
    static String publicProjects(OrganisationId community) {
        return "RES#PUBLIC#" + community.value();
    }
}

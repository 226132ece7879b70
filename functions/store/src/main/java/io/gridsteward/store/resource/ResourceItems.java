package io.gridsteward.store.resource;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.resource.Claim;
import io.gridsteward.domain.resource.ClaimFacts;
import io.gridsteward.domain.resource.ClaimId;
import io.gridsteward.domain.resource.ClaimStatus;
import io.gridsteward.domain.resource.Claimant;
import io.gridsteward.domain.resource.ClaimantKind;
import io.gridsteward.domain.resource.Completion;
import io.gridsteward.domain.resource.Demand;
import io.gridsteward.domain.resource.DemandId;
import io.gridsteward.domain.resource.DemandStatus;
import io.gridsteward.domain.resource.EvidenceKey;
import io.gridsteward.domain.resource.FollowUpOutcome;
import io.gridsteward.domain.resource.FundReference;
import io.gridsteward.domain.resource.ItemFacts;
import io.gridsteward.domain.resource.ItemType;
import io.gridsteward.domain.resource.Milestone;
import io.gridsteward.domain.resource.Offer;
import io.gridsteward.domain.resource.OfferId;
import io.gridsteward.domain.resource.OfferStatus;
import io.gridsteward.domain.resource.Project;
import io.gridsteward.domain.resource.ProjectId;
import io.gridsteward.domain.resource.ProjectStatus;
import io.gridsteward.domain.resource.Provision;
import io.gridsteward.domain.resource.Reason;
import io.gridsteward.domain.resource.ResourceEvent;
import io.gridsteward.domain.resource.ResourceEventType;
import io.gridsteward.domain.resource.ResourceKind;
import io.gridsteward.domain.resource.Title;
import io.gridsteward.domain.resource.UnitCommunities;
import io.gridsteward.domain.resource.Validity;
import io.gridsteward.store.core.Attributes;
import io.gridsteward.store.core.Keys;
import io.gridsteward.store.core.TableIndex;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Offer, Demand, ResourceClaim, Project and ResourceEvent items, attribute by attribute as docs/contracts.md lists
 * them, with their index keys. Residents' and members' ids, titles and reasons are attributes of state items and
 * events in the table; the lake writer reads only the event's listed facts.
 */
final class ResourceItems {

    static final String OFFER_ENTITY = "Offer";
    static final String DEMAND_ENTITY = "Demand";
    static final String CLAIM_ENTITY = "ResourceClaim";
    static final String PROJECT_ENTITY = "Project";
    static final String EVENT_ENTITY = "ResourceEvent";
    static final String UNIT_COMMUNITIES_ENTITY = "UnitCommunities";

    private ResourceItems() {}

    static Map<String, AttributeValue> item(Offer offer) {
        Map<String, AttributeValue> item =
                new HashMap<>(Attributes.builder(OFFER_ENTITY, ResourceKeys.state(ResourceKeys.offer(offer.id())))
                        .string("offerId", offer.id().value())
                        .string("providerOrgId", offer.provider().value())
                        .string("providerOrgKind", offer.providerKind().name())
                        .string("townId", offer.town().value())
                        .string("title", offer.title().text())
                        .string("status", offer.status().name())
                        .number("remaining", offer.remaining())
                        .instant("publishedAt", offer.publishedAt())
                        .number("version", offer.version())
                        .build());
        provision(item, offer.provision());
        validity(item, offer.validity());
        String sort = Attributes.format(offer.publishedAt()) + "#" + offer.id().value();
        if (offer.status() == OfferStatus.OPEN) {
            index(item, TableIndex.WORK, ResourceKeys.offerPool(offer.town()), sort);
        }
        index(item, TableIndex.REPORTER, ResourceKeys.offersBy(offer.provider()), sort);
        return Map.copyOf(item);
    }

    static Offer offer(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        return new Offer(
                new OfferId(attributes.string("offerId")),
                new OrganisationId(attributes.string("providerOrgId")),
                OrganisationKind.valueOf(attributes.string("providerOrgKind")),
                new OrganisationId(attributes.string("townId")),
                new Title(attributes.string("title")),
                provision(attributes),
                validity(attributes),
                attributes.longNumber("remaining"),
                OfferStatus.valueOf(attributes.string("status")),
                attributes.instant("publishedAt"),
                attributes.longNumber("version"));
    }

    static Map<String, AttributeValue> item(Demand demand) {
        Map<String, AttributeValue> item =
                new HashMap<>(Attributes.builder(DEMAND_ENTITY, ResourceKeys.state(ResourceKeys.demand(demand.id())))
                        .string("demandId", demand.id().value())
                        .string("communityId", demand.community().value())
                        .string("townId", demand.town().value())
                        .optionalString("gridId", demand.grid().map(GridId::value))
                        .string("title", demand.title().text())
                        .bool("smallWish", demand.smallWish())
                        .strings("beneficiaryIds", demand.beneficiaryIds())
                        .string("status", demand.status().name())
                        .number("remaining", demand.remaining())
                        .instant("submittedAt", demand.submittedAt())
                        .optionalInstant("publishedAt", demand.publishedAt())
                        .number("version", demand.version())
                        .build());
        provision(item, demand.provision());
        validity(item, demand.validity());
        String id = demand.id().value();
        if (demand.status() == DemandStatus.PUBLISHED) {
            index(
                    item,
                    TableIndex.WORK,
                    ResourceKeys.demandPool(demand.town()),
                    Attributes.format(demand.publishedAt().orElseThrow()) + "#" + id);
        }
        index(
                item,
                TableIndex.GRID,
                ResourceKeys.demandsOf(demand.community()),
                demand.status().name() + "#" + Attributes.format(demand.submittedAt()) + "#" + id);
        return Map.copyOf(item);
    }

    static Demand demand(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        return new Demand(
                new DemandId(attributes.string("demandId")),
                new OrganisationId(attributes.string("communityId")),
                new OrganisationId(attributes.string("townId")),
                attributes.optionalString("gridId").map(GridId::new),
                new Title(attributes.string("title")),
                provision(attributes),
                validity(attributes),
                attributes.bool("smallWish"),
                attributes.strings("beneficiaryIds"),
                DemandStatus.valueOf(attributes.string("status")),
                attributes.longNumber("remaining"),
                attributes.instant("submittedAt"),
                attributes.optionalInstant("publishedAt"),
                attributes.longNumber("version"));
    }

    static Map<String, AttributeValue> item(Claim claim) {
        Map<String, AttributeValue> item = new HashMap<>(Attributes.builder(
                        CLAIM_ENTITY, ResourceKeys.state(ResourceKeys.claim(claim.id())))
                .string("claimId", claim.id().value())
                .string("deciderOrgId", claim.decider().value())
                .string("claimantKind", claim.claimant().kind().name())
                .optionalString("claimantOrgId", claim.claimant().organisation().map(OrganisationId::value))
                .optionalString("partyGroupId", claim.claimant().partyGroupId())
                .strings("memberIds", claim.claimant().memberIds())
                .string("claimCommunityId", claim.community().value())
                .optionalString("claimGridId", claim.grid().map(GridId::value))
                .number("claimQuantity", claim.quantity())
                .number("claimValueFen", claim.value().fen())
                .string("status", claim.status().name())
                .instant("claimedAt", claim.claimedAt())
                .string("claimedBy", claim.claimedBy())
                .strings("beneficiaryIds", claim.beneficiaryIds())
                .number("version", claim.version())
                .build());
        itemFacts(item, claim.item());
        if (claim.status() == ClaimStatus.CLAIMED) {
            index(
                    item,
                    TableIndex.WORK,
                    ResourceKeys.awaitingDecision(claim.decider()),
                    Attributes.format(claim.claimedAt()) + "#" + claim.id().value());
        }
        return Map.copyOf(item);
    }

    static Claim claim(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        Claimant claimant = new Claimant(
                ClaimantKind.valueOf(attributes.string("claimantKind")),
                attributes.optionalString("claimantOrgId").map(OrganisationId::new),
                attributes.optionalString("partyGroupId"),
                attributes.strings("memberIds"));
        return new Claim(
                new ClaimId(attributes.string("claimId")),
                itemFacts(attributes),
                new OrganisationId(attributes.string("deciderOrgId")),
                claimant,
                new OrganisationId(attributes.string("claimCommunityId")),
                attributes.optionalString("claimGridId").map(GridId::new),
                attributes.longNumber("claimQuantity"),
                Money.ofFen(attributes.longNumber("claimValueFen")),
                ClaimStatus.valueOf(attributes.string("status")),
                attributes.instant("claimedAt"),
                attributes.string("claimedBy"),
                attributes.strings("beneficiaryIds"),
                attributes.longNumber("version"));
    }

    static Map<String, AttributeValue> item(Project project) {
        Map<String, AttributeValue> item = new HashMap<>(Attributes.builder(
                        PROJECT_ENTITY, ResourceKeys.state(ResourceKeys.project(project.id())))
                .string("projectId", project.id().value())
                .string("title", project.title().text())
                .string("ownerId", project.ownerId())
                .optionalString("ownerOrgId", project.ownerOrganisation().map(OrganisationId::value))
                .strings("memberIds", project.memberIds())
                .instant("dueAt", project.dueAt())
                .string("status", project.status().name())
                .strings(
                        "issuedEvidence",
                        project.issuedEvidence().stream()
                                .map(EvidenceKey::value)
                                .toList())
                .optionalString(
                        "completionNote",
                        project.completion().map(completion -> completion.note().text()))
                .strings(
                        "photoKeys",
                        project.completion()
                                .map(completion -> completion.photos().stream()
                                        .map(EvidenceKey::value)
                                        .toList())
                                .orElse(List.of()))
                .optionalInstant("completedAt", project.completion().map(Completion::completedAt))
                .strings("servedResidentIds", project.servedResidentIds())
                .strings("ratedBy", project.ratedBy())
                .number("ratingTotal", project.ratingTotal())
                .optionalString(
                        "fundingKind",
                        project.funding().map(funding -> funding.kind().name()))
                .optionalString("fundingId", project.funding().map(FundReference::id))
                .number("followUps", project.followUps())
                .instant("startedAt", project.startedAt())
                .number("version", project.version())
                .build());
        itemFacts(item, project.item());
        claimFacts(item, project.claim());
        item.put(
                "milestones",
                AttributeValue.fromL(project.milestones().stream()
                        .map(milestone -> {
                            Map<String, AttributeValue> entry = new HashMap<>();
                            entry.put(
                                    "title",
                                    AttributeValue.fromS(milestone.title().text()));
                            entry.put("dueAt", AttributeValue.fromS(Attributes.format(milestone.dueAt())));
                            milestone
                                    .doneAt()
                                    .ifPresent(
                                            done -> entry.put("doneAt", AttributeValue.fromS(Attributes.format(done))));
                            return AttributeValue.fromM(entry);
                        })
                        .toList()));
        project.completion()
                .ifPresent(completion -> index(
                        item,
                        TableIndex.GRID,
                        ResourceKeys.publicProjects(project.claim().community()),
                        Attributes.format(completion.completedAt()) + "#"
                                + project.id().value()));
        return Map.copyOf(item);
    }

    static Project project(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        Optional<Completion> completion = attributes
                .optionalString("completionNote")
                .map(note -> new Completion(
                        new Reason(note),
                        attributes.strings("photoKeys").stream()
                                .map(EvidenceKey::new)
                                .toList(),
                        attributes.instant("completedAt")));
        List<Milestone> milestones = item.get("milestones").l().stream()
                .map(AttributeValue::m)
                .map(entry -> new Milestone(
                        new Title(entry.get("title").s()),
                        Instant.parse(entry.get("dueAt").s()),
                        Optional.ofNullable(entry.get("doneAt")).map(done -> Instant.parse(done.s()))))
                .toList();
        return new Project(
                new ProjectId(attributes.string("projectId")),
                itemFacts(attributes),
                claimFacts(attributes),
                new Title(attributes.string("title")),
                attributes.string("ownerId"),
                attributes.optionalString("ownerOrgId").map(OrganisationId::new),
                attributes.strings("memberIds"),
                milestones,
                attributes.instant("dueAt"),
                ProjectStatus.valueOf(attributes.string("status")),
                attributes.strings("issuedEvidence").stream()
                        .map(EvidenceKey::new)
                        .toList(),
                completion,
                attributes.strings("servedResidentIds"),
                attributes.strings("ratedBy"),
                attributes.longNumber("ratingTotal"),
                funding(attributes),
                (int) attributes.longNumber("followUps"),
                attributes.instant("startedAt"),
                attributes.longNumber("version"));
    }

    static Map<String, AttributeValue> item(ResourceEvent event) {
        String partition = switch (event.subject()) {
            case OFFER -> ResourceKeys.offer(new OfferId(event.subjectId()));
            case DEMAND -> ResourceKeys.demand(new DemandId(event.subjectId()));
            case CLAIM -> ResourceKeys.claim(new ClaimId(event.subjectId()));
            case PROJECT -> ResourceKeys.project(new ProjectId(event.subjectId()));
        };
        Map<String, AttributeValue> item = new HashMap<>(Attributes.builder(
                        EVENT_ENTITY, Keys.key(partition, Keys.eventSort(event.sequence())))
                .string("eventId", event.eventId())
                .string("subject", event.subject().name())
                .string("subjectId", event.subjectId())
                .number("sequence", event.sequence())
                .string("eventType", event.type().name())
                .instant("occurredAt", event.occurredAt())
                .string("actorId", event.actor().userId())
                .string("actorRole", event.actor().role().name())
                .optionalString("actorOrgId", event.actor().organisationId().map(OrganisationId::value))
                .optionalString("reason", event.reason())
                .optionalNumber(
                        "rating",
                        event.rating().isPresent()
                                ? OptionalLong.of(event.rating().getAsInt())
                                : OptionalLong.empty())
                .optionalString("followUpOutcome", event.followUp().map(FollowUpOutcome::name))
                .optionalString(
                        "fundingKind",
                        event.funding().map(funding -> funding.kind().name()))
                .optionalString("fundingId", event.funding().map(FundReference::id))
                .build());
        itemFacts(item, event.item());
        event.claim().ifPresent(claim -> claimFacts(item, claim));
        return Map.copyOf(item);
    }

    static ResourceEvent event(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        Caller actor = new Caller(
                attributes.string("actorId"),
                Role.valueOf(attributes.string("actorRole")),
                attributes.optionalString("actorOrgId").map(OrganisationId::new));
        OptionalLong rating = attributes.optionalLong("rating");
        return new ResourceEvent(
                attributes.string("eventId"),
                attributes.string("subjectId"),
                attributes.longNumber("sequence"),
                ResourceEventType.valueOf(attributes.string("eventType")),
                attributes.instant("occurredAt"),
                actor,
                attributes.optionalString("reason"),
                itemFacts(attributes),
                attributes.optionalString("claimId").map(id -> claimFacts(attributes)),
                rating.isPresent() ? OptionalInt.of((int) rating.getAsLong()) : OptionalInt.empty(),
                attributes.optionalString("followUpOutcome").map(FollowUpOutcome::valueOf),
                funding(attributes));
    }

    /** The current declaration and, under its own sort key, a record of it that is never overwritten. */
    static List<Map<String, AttributeValue>> items(UnitCommunities declaration) {
        String partition = ResourceKeys.unit(declaration.unit());
        List<String> communities = declaration.communities().stream()
                .map(OrganisationId::value)
                .sorted()
                .toList();
        Map<String, AttributeValue> current = Attributes.builder(UNIT_COMMUNITIES_ENTITY, ResourceKeys.state(partition))
                .string("unitId", declaration.unit().value())
                .strings("communityIds", communities)
                .instant("declaredAt", declaration.declaredAt())
                .string("declaredBy", declaration.declaredBy())
                .build();
        Map<String, AttributeValue> record = new HashMap<>(current);
        record.putAll(Keys.key(
                partition, ResourceKeys.DECLARATION_SORT_PREFIX + Attributes.format(declaration.declaredAt())));
        return List.of(current, Map.copyOf(record));
    }

    static UnitCommunities unitCommunities(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        return new UnitCommunities(
                new OrganisationId(attributes.string("unitId")),
                new HashSet<>(attributes.strings("communityIds").stream()
                        .map(OrganisationId::new)
                        .toList()),
                attributes.instant("declaredAt"),
                attributes.string("declaredBy"));
    }

    private static void provision(Map<String, AttributeValue> item, Provision provision) {
        item.put("resourceKind", AttributeValue.fromS(provision.kind().name()));
        item.put("quantity", AttributeValue.fromN(Long.toString(provision.quantity())));
        item.put(
                "unitValueFen",
                AttributeValue.fromN(Long.toString(provision.unitValue().fen())));
    }

    private static Provision provision(Attributes attributes) {
        return new Provision(
                ResourceKind.valueOf(attributes.string("resourceKind")),
                attributes.longNumber("quantity"),
                Money.ofFen(attributes.longNumber("unitValueFen")));
    }

    private static void validity(Map<String, AttributeValue> item, Validity validity) {
        item.put("validFrom", AttributeValue.fromS(Attributes.format(validity.from())));
        item.put("validUntil", AttributeValue.fromS(Attributes.format(validity.until())));
    }

    private static Validity validity(Attributes attributes) {
        return new Validity(attributes.instant("validFrom"), attributes.instant("validUntil"));
    }

    private static void itemFacts(Map<String, AttributeValue> item, ItemFacts facts) {
        putFacts(
                item,
                Attributes.builder(EVENT_ENTITY, Map.of())
                        .string("itemType", facts.type().name())
                        .string("itemId", facts.itemId())
                        .string("resourceKind", facts.kind().name())
                        .string("townId", facts.town().value())
                        .optionalString("communityId", facts.community().map(OrganisationId::value))
                        .optionalString("gridId", facts.grid().map(GridId::value))
                        .optionalString("providerOrgId", facts.provider().map(OrganisationId::value))
                        .optionalString("providerOrgKind", facts.providerKind().map(OrganisationKind::name))
                        .bool("smallWish", facts.smallWish())
                        .number("itemQuantity", facts.quantity())
                        .number("itemValueFen", facts.value().fen())
                        .optionalInstant("publishedAt", facts.publishedAt()));
    }

    private static ItemFacts itemFacts(Attributes attributes) {
        return new ItemFacts(
                ItemType.valueOf(attributes.string("itemType")),
                attributes.string("itemId"),
                ResourceKind.valueOf(attributes.string("resourceKind")),
                new OrganisationId(attributes.string("townId")),
                attributes.optionalString("communityId").map(OrganisationId::new),
                attributes.optionalString("gridId").map(GridId::new),
                attributes.optionalString("providerOrgId").map(OrganisationId::new),
                attributes.optionalString("providerOrgKind").map(OrganisationKind::valueOf),
                attributes.bool("smallWish"),
                attributes.longNumber("itemQuantity"),
                Money.ofFen(attributes.longNumber("itemValueFen")),
                attributes.optionalInstant("publishedAt"));
    }

    private static void claimFacts(Map<String, AttributeValue> item, ClaimFacts facts) {
        putFacts(
                item,
                Attributes.builder(EVENT_ENTITY, Map.of())
                        .string("claimId", facts.claimId().value())
                        .string("claimantKind", facts.claimantKind().name())
                        .optionalString(
                                "claimantOrgId", facts.claimantOrganisation().map(OrganisationId::value))
                        .number("memberCount", facts.memberCount())
                        .string("claimCommunityId", facts.community().value())
                        .optionalString("claimGridId", facts.grid().map(GridId::value))
                        .number("claimQuantity", facts.quantity())
                        .number("claimValueFen", facts.value().fen())
                        .instant("claimedAt", facts.claimedAt()));
    }

    /** Facts are a group of attributes on another entity's item: everything the builder made but its entity. */
    private static void putFacts(Map<String, AttributeValue> item, Attributes.Builder facts) {
        Map<String, AttributeValue> attributes = new HashMap<>(facts.build());
        attributes.remove("entity");
        item.putAll(attributes);
    }

    private static ClaimFacts claimFacts(Attributes attributes) {
        return new ClaimFacts(
                new ClaimId(attributes.string("claimId")),
                ClaimantKind.valueOf(attributes.string("claimantKind")),
                attributes.optionalString("claimantOrgId").map(OrganisationId::new),
                (int) attributes.longNumber("memberCount"),
                new OrganisationId(attributes.string("claimCommunityId")),
                attributes.optionalString("claimGridId").map(GridId::new),
                attributes.longNumber("claimQuantity"),
                Money.ofFen(attributes.longNumber("claimValueFen")),
                attributes.instant("claimedAt"));
    }

    private static Optional<FundReference> funding(Attributes attributes) {
        return attributes
                .optionalString("fundingKind")
                .map(kind -> new FundReference(FundReference.Kind.valueOf(kind), attributes.string("fundingId")));
    }

    private static void index(Map<String, AttributeValue> item, TableIndex index, String partition, String sort) {
        item.put(index.partitionAttribute(), AttributeValue.fromS(partition));
        item.put(index.sortAttribute(), AttributeValue.fromS(sort));
    }
}

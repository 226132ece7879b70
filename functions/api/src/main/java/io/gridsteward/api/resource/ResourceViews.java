package io.gridsteward.api.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.resource.Claim;
import io.gridsteward.domain.resource.ClaimStatus;
import io.gridsteward.domain.resource.Completion;
import io.gridsteward.domain.resource.Demand;
import io.gridsteward.domain.resource.EvidenceKey;
import io.gridsteward.domain.resource.FollowUpOutcome;
import io.gridsteward.domain.resource.Offer;
import io.gridsteward.domain.resource.Project;
import io.gridsteward.domain.resource.ResourceEvent;
import io.gridsteward.store.resource.ResourcePage;
import io.gridsteward.store.resource.Traced;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Offers, demands, claims and projects as the API shows them. People's user ids stay out (roles and organisations
 * say who acted; members and residents are counted), as do titles and reasons on lists other than the item's own.
 */
final class ResourceViews {

    private ResourceViews() {}

    @Schema(name = "ResourceEvent", description = "One step of the trace: who (role, organisation), when, why.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventView(
            long sequence,
            String type,
            String occurredAt,
            String actorRole,
            String actorOrgId,
            String reason,
            Integer rating,
            String followUpOutcome) {

        static EventView of(ResourceEvent event) {
            return new EventView(
                    event.sequence(),
                    event.type().name(),
                    event.occurredAt().toString(),
                    event.actor().role().name(),
                    event.actor().organisationId().map(OrganisationId::value).orElse(null),
                    event.reason().orElse(null),
                    event.rating().isPresent() ? event.rating().getAsInt() : null,
                    event.followUp().map(FollowUpOutcome::name).orElse(null));
        }

        static List<EventView> of(List<ResourceEvent> events) {
            return events.stream().map(EventView::of).toList();
        }
    }

    @Schema(name = "Offer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OfferView(
            String id,
            String providerOrgId,
            String providerOrgKind,
            String townId,
            String title,
            String kind,
            long quantity,
            long unitValueFen,
            long remaining,
            String status,
            String validFrom,
            String validUntil,
            String publishedAt,
            long version,
            List<EventView> events) {

        static OfferView of(Offer offer, List<ResourceEvent> events) {
            return new OfferView(
                    offer.id().value(),
                    offer.provider().value(),
                    offer.providerKind().name(),
                    offer.town().value(),
                    offer.title().text(),
                    offer.provision().kind().name(),
                    offer.provision().quantity(),
                    offer.provision().unitValue().fen(),
                    offer.remaining(),
                    offer.status().name(),
                    offer.validity().from().toString(),
                    offer.validity().until().toString(),
                    offer.publishedAt().toString(),
                    offer.version(),
                    events == null ? null : EventView.of(events));
        }

        static OfferView of(Traced<Offer> traced) {
            return of(traced.state(), traced.events());
        }
    }

    @Schema(name = "Demand")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DemandView(
            String id,
            String communityId,
            String gridId,
            String townId,
            String title,
            String kind,
            long quantity,
            long unitValueFen,
            long remaining,
            String status,
            boolean smallWish,
            int beneficiaryCount,
            String validFrom,
            String validUntil,
            String submittedAt,
            String publishedAt,
            long version,
            List<EventView> events) {

        static DemandView of(Demand demand, List<ResourceEvent> events) {
            return new DemandView(
                    demand.id().value(),
                    demand.community().value(),
                    demand.grid().map(GridId::value).orElse(null),
                    demand.town().value(),
                    demand.title().text(),
                    demand.provision().kind().name(),
                    demand.provision().quantity(),
                    demand.provision().unitValue().fen(),
                    demand.remaining(),
                    demand.status().name(),
                    demand.smallWish(),
                    demand.beneficiaryIds().size(),
                    demand.validity().from().toString(),
                    demand.validity().until().toString(),
                    demand.submittedAt().toString(),
                    demand.publishedAt().map(Object::toString).orElse(null),
                    demand.version(),
                    events == null ? null : EventView.of(events));
        }

        static DemandView of(Traced<Demand> traced) {
            return of(traced.state(), traced.events());
        }
    }

    @Schema(name = "ResourceClaim")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClaimView(
            String id,
            String itemType,
            String itemId,
            String kind,
            String claimantKind,
            String claimantOrgId,
            String partyGroupId,
            int memberCount,
            String communityId,
            String gridId,
            long quantity,
            long valueFen,
            String status,
            String claimedAt,
            String projectId,
            long version,
            List<EventView> events) {

        static ClaimView of(Claim claim, List<ResourceEvent> events) {
            return new ClaimView(
                    claim.id().value(),
                    claim.item().type().name(),
                    claim.item().itemId(),
                    claim.item().kind().name(),
                    claim.claimant().kind().name(),
                    claim.claimant().organisation().map(OrganisationId::value).orElse(null),
                    claim.claimant().partyGroupId().orElse(null),
                    claim.claimant().memberIds().size(),
                    claim.community().value(),
                    claim.grid().map(GridId::value).orElse(null),
                    claim.quantity(),
                    claim.value().fen(),
                    claim.status().name(),
                    claim.claimedAt().toString(),
                    claim.status() == ClaimStatus.ACCEPTED ? claim.id().value() : null,
                    claim.version(),
                    events == null ? null : EventView.of(events));
        }

        static ClaimView of(Traced<Claim> traced) {
            return of(traced.state(), traced.events());
        }
    }

    @Schema(name = "Milestone")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MilestoneView(String title, String dueAt, String doneAt) {}

    @Schema(name = "Project")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProjectView(
            String id,
            String claimId,
            String title,
            String itemType,
            String itemId,
            String kind,
            String claimantKind,
            String ownerOrgId,
            int memberCount,
            String communityId,
            String gridId,
            String townId,
            long quantity,
            long valueFen,
            List<MilestoneView> milestones,
            String dueAt,
            String status,
            String completionNote,
            List<String> photoKeys,
            String completedAt,
            int servedResidentCount,
            int ratingCount,
            Double meanRating,
            String fundingKind,
            String fundingId,
            int followUps,
            long version,
            List<EventView> events) {

        static ProjectView of(Project project, List<ResourceEvent> events) {
            return new ProjectView(
                    project.id().value(),
                    project.claim().claimId().value(),
                    project.title().text(),
                    project.item().type().name(),
                    project.item().itemId(),
                    project.item().kind().name(),
                    project.claim().claimantKind().name(),
                    project.ownerOrganisation().map(OrganisationId::value).orElse(null),
                    project.memberIds().size(),
                    project.claim().community().value(),
                    project.claim().grid().map(GridId::value).orElse(null),
                    project.item().town().value(),
                    project.claim().quantity(),
                    project.claim().value().fen(),
                    project.milestones().stream()
                            .map(milestone -> new MilestoneView(
                                    milestone.title().text(),
                                    milestone.dueAt().toString(),
                                    milestone.doneAt().map(Object::toString).orElse(null)))
                            .toList(),
                    project.dueAt().toString(),
                    project.status().name(),
                    project.completion()
                            .map(completion -> completion.note().text())
                            .orElse(null),
                    project.completion().map(ResourceViews::photoKeys).orElse(null),
                    project.completion()
                            .map(completion -> completion.completedAt().toString())
                            .orElse(null),
                    project.servedResidentIds().size(),
                    project.ratedBy().size(),
                    project.meanRating().orElse(null),
                    project.funding().map(funding -> funding.kind().name()).orElse(null),
                    project.funding().map(funding -> funding.id()).orElse(null),
                    project.followUps(),
                    project.version(),
                    events == null ? null : EventView.of(events));
        }

        static ProjectView of(Traced<Project> traced) {
            return of(traced.state(), traced.events());
        }
    }

    /** A completed project on its community's public list (公示): what was done, its evidence and its residents' verdict. */
    @Schema(name = "PublicProject")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PublicProjectView(
            String id,
            String title,
            String communityId,
            String kind,
            long quantity,
            long valueFen,
            String claimantKind,
            String completedAt,
            String completionNote,
            List<String> photoKeys,
            int ratingCount,
            Double meanRating,
            int followUps) {

        static PublicProjectView of(Project project) {
            Completion completion = project.completion().orElseThrow();
            return new PublicProjectView(
                    project.id().value(),
                    project.title().text(),
                    project.claim().community().value(),
                    project.item().kind().name(),
                    project.claim().quantity(),
                    project.claim().value().fen(),
                    project.claim().claimantKind().name(),
                    completion.completedAt().toString(),
                    completion.note().text(),
                    ResourceViews.photoKeys(completion),
                    project.ratedBy().size(),
                    project.meanRating().orElse(null),
                    project.followUps());
        }
    }

    @Schema(name = "ResourceList")
    record ListView<T>(List<T> items, String nextCursor) {

        static <S, T> ListView<T> of(ResourcePage<S> page, Function<S, T> view) {
            return new ListView<>(
                    page.items().stream().map(view).toList(), page.nextCursor().orElse(null));
        }
    }

    @Schema(
            name = "EvidenceUploadUrl",
            description = "Where to PUT the photo (with the same Content-Type) and the key to cite on completion.")
    record UploadView(String objectKey, String uploadUrl, String expiresAt, String contentType) {}

    private static List<String> photoKeys(Completion completion) {
        return completion.photos().stream().map(EvidenceKey::value).toList();
    }
}

package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What an accepted claim becomes (项目化实施): carried out by its owner (who claimed, for the claimant) to a plan of
 * milestones and a due time, completed with photo evidence, then public on its community's list, rated 1–5 by the
 * residents it served (each once) and visited by the community to check the service was real (回访). It may name the
 * fund account or delegated task its money is drawn from, as an opaque reference.
 */
public record Project(
        ProjectId id,
        ItemFacts item,
        ClaimFacts claim,
        Title title,
        String ownerId,
        Optional<OrganisationId> ownerOrganisation,
        List<String> memberIds,
        List<Milestone> milestones,
        Instant dueAt,
        ProjectStatus status,
        List<EvidenceKey> issuedEvidence,
        Optional<Completion> completion,
        List<String> servedResidentIds,
        List<String> ratedBy,
        long ratingTotal,
        Optional<FundReference> funding,
        int followUps,
        Instant startedAt,
        long version) {

    /** How many upload URLs a project may ask for: the photos it may cite, with room for retakes. */
    public static final int MAXIMUM_ISSUED_EVIDENCE = 3 * Completion.MAXIMUM_PHOTOS;

    public Project {
        requireNonNull(id, "id");
        requireNonNull(item, "item");
        requireNonNull(claim, "claim");
        requireNonNull(title, "title");
        requireNonNull(ownerId, "ownerId");
        requireNonNull(ownerOrganisation, "ownerOrganisation");
        memberIds = List.copyOf(memberIds);
        milestones = List.copyOf(milestones);
        dueAt = dueAt.truncatedTo(ChronoUnit.MILLIS);
        requireNonNull(status, "status");
        issuedEvidence = List.copyOf(issuedEvidence);
        requireNonNull(completion, "completion");
        servedResidentIds = List.copyOf(servedResidentIds);
        ratedBy = List.copyOf(ratedBy);
        requireNonNull(funding, "funding");
        startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
        if ((status == ProjectStatus.COMPLETED) != completion.isPresent()) {
            throw new IllegalArgumentException("a completed project, and only that, has a completion");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1: " + version);
        }
    }

    static Change<Project> start(Claim claim, ProjectPlan plan, Caller by, Instant at) {
        ProjectId id = ProjectId.of(claim.id());
        Project project = new Project(
                id,
                claim.item(),
                claim.facts(),
                plan.title(),
                claim.claimedBy(),
                claim.claimant().organisation(),
                claim.claimant().memberIds(),
                plan.milestones(),
                plan.dueAt(),
                ProjectStatus.IN_PROGRESS,
                List.of(),
                Optional.empty(),
                claim.beneficiaryIds(),
                List.of(),
                0,
                plan.funding(),
                0,
                at,
                1);
        ResourceEvent started = ResourceEvent.of(
                ResourceEventType.PROJECT_STARTED,
                id.value(),
                1,
                at,
                by,
                Optional.empty(),
                claim.item(),
                Optional.of(claim.facts()));
        return new Change<>(project, withFunding(started, plan.funding()));
    }

    /** The owner marks milestone {@code index} done. */
    public Change<Project> completeMilestone(int index, Optional<Reason> note, Caller by, Instant at) {
        requireManager(by, ResourceEventType.MILESTONE_DONE);
        requireInProgress(ResourceEventType.MILESTONE_DONE);
        if (index < 0 || index >= milestones.size()) {
            throw ValidationException.of("index", "must be between 0 and %d".formatted(milestones.size() - 1));
        }
        if (milestones.get(index).doneAt().isPresent()) {
            throw new IllegalTransitionException(
                    "milestone", id.value() + "/" + index, "done", ResourceEventType.MILESTONE_DONE.name());
        }
        List<Milestone> next = new ArrayList<>(milestones);
        next.set(index, milestones.get(index).doneAt(at));
        Draft draft = new Draft(this);
        draft.milestones = next;
        return draft.step(ResourceEventType.MILESTONE_DONE, by, at, note);
    }

    /** The owner asks for an upload URL; the key is recorded so that only issued keys count as evidence. */
    public Change<Project> issueEvidence(EvidenceKey key, Caller by, Instant at) {
        requireManager(by, ResourceEventType.EVIDENCE_UPLOAD_ISSUED);
        requireInProgress(ResourceEventType.EVIDENCE_UPLOAD_ISSUED);
        if (issuedEvidence.size() >= MAXIMUM_ISSUED_EVIDENCE) {
            throw ValidationException.of(
                    "contentType", "a project may ask for at most %d upload URLs".formatted(MAXIMUM_ISSUED_EVIDENCE));
        }
        Draft draft = new Draft(this);
        draft.issuedEvidence = append(issuedEvidence, key);
        return draft.step(ResourceEventType.EVIDENCE_UPLOAD_ISSUED, by, at, Optional.empty());
    }

    /** The owner, or the community the project serves, names the fund account or delegated task that pays for it. */
    public Change<Project> linkFunding(FundReference reference, Caller by, Instant at) {
        if (!ResourceAccess.managesProject(by, this) && !ResourceAccess.isCommunitySecretaryOf(by, claim.community())) {
            throw new ForbiddenException("a %s may not link funding to project %s".formatted(by.role(), id.value()));
        }
        Draft draft = new Draft(this);
        draft.funding = Optional.of(reference);
        Change<Project> change = draft.step(ResourceEventType.FUNDING_LINKED, by, at, Optional.empty());
        return new Change<>(change.state(), withFunding(change.event(), Optional.of(reference)));
    }

    /**
     * The owner reports the project done: a note, one to {@value Completion#MAXIMUM_PHOTOS} photos whose upload URLs were
     * issued for this project and which were uploaded ({@code uploaded}: the keys found in the bucket), and the residents
     * it served besides those the demand named. From now on it is on its community's public list.
     *
     * @throws ValidationException naming {@code photoKeys[i]} for a key never issued for the project or not uploaded
     */
    public Change<Project> complete(
            Reason note,
            List<EvidenceKey> photos,
            Set<EvidenceKey> uploaded,
            List<String> servedResidents,
            Caller by,
            Instant at) {
        requireManager(by, ResourceEventType.PROJECT_COMPLETED);
        requireInProgress(ResourceEventType.PROJECT_COMPLETED);
        FieldErrors errors = new FieldErrors();
        if (photos.isEmpty() || photos.size() > Completion.MAXIMUM_PHOTOS) {
            errors.add("photoKeys", "must be 1 to %d photos".formatted(Completion.MAXIMUM_PHOTOS));
        }
        for (int index = 0; index < photos.size(); index++) {
            if (!issuedEvidence.contains(photos.get(index))) {
                errors.add("photoKeys[" + index + "]", "was not issued for project " + id.value());
            } else if (!uploaded.contains(photos.get(index))) {
                errors.add("photoKeys[" + index + "]", "has not been uploaded");
            }
        }
        List<String> named = errors.value("servedResidentIds", () -> ResidentIds.require("", servedResidents));
        errors.throwIfAny();
        Set<String> served = new LinkedHashSet<>(servedResidentIds);
        served.addAll(named);
        Draft draft = new Draft(this);
        draft.status = ProjectStatus.COMPLETED;
        draft.completion = Optional.of(new Completion(note, photos, at));
        draft.servedResidentIds = List.copyOf(served);
        return draft.step(ResourceEventType.PROJECT_COMPLETED, by, at, Optional.of(note));
    }

    /**
     * A resident the project served rates it, once, 1 (very unsatisfied) to 5 (very satisfied). The demand's
     * beneficiaries and the residents named at completion may rate.
     */
    public Change<Project> rate(int rating, Optional<Reason> comment, Caller by, Instant at) {
        if (!ResourceAccess.mayRate(by, this)) {
            throw new ForbiddenException("only residents project %s served may rate it".formatted(id.value()));
        }
        if (status != ProjectStatus.COMPLETED) {
            throw new IllegalTransitionException(
                    "project", id.value(), status.name(), ResourceEventType.PROJECT_RATED.name());
        }
        if (ratedBy.contains(by.userId())) {
            throw new IllegalTransitionException(
                    "project", id.value(), "rated by this resident", ResourceEventType.PROJECT_RATED.name());
        }
        if (rating < 1 || rating > 5) {
            throw ValidationException.of("rating", "must be between 1 and 5");
        }
        Draft draft = new Draft(this);
        draft.ratedBy = append(ratedBy, by.userId());
        draft.ratingTotal = ratingTotal + rating;
        Change<Project> change = draft.step(ResourceEventType.PROJECT_RATED, by, at, comment);
        ResourceEvent event = change.event();
        return new Change<>(
                change.state(),
                new ResourceEvent(
                        event.eventId(),
                        event.subjectId(),
                        event.sequence(),
                        event.type(),
                        event.occurredAt(),
                        event.actor(),
                        event.reason(),
                        event.item(),
                        event.claim(),
                        OptionalInt.of(rating),
                        Optional.empty(),
                        event.funding()));
    }

    /** The community's follow-up visit after completion and what it found. */
    public Change<Project> followUp(FollowUpOutcome outcome, Reason note, Caller by, Instant at) {
        if (!ResourceAccess.isCommunitySecretaryOf(by, claim.community())) {
            throw new ForbiddenException("only a secretary of community %s makes follow-up visits on project %s"
                    .formatted(claim.community().value(), id.value()));
        }
        if (status != ProjectStatus.COMPLETED) {
            throw new IllegalTransitionException(
                    "project", id.value(), status.name(), ResourceEventType.FOLLOWED_UP.name());
        }
        Draft draft = new Draft(this);
        draft.followUps = followUps + 1;
        Change<Project> change = draft.step(ResourceEventType.FOLLOWED_UP, by, at, Optional.of(note));
        ResourceEvent event = change.event();
        return new Change<>(
                change.state(),
                new ResourceEvent(
                        event.eventId(),
                        event.subjectId(),
                        event.sequence(),
                        event.type(),
                        event.occurredAt(),
                        event.actor(),
                        event.reason(),
                        event.item(),
                        event.claim(),
                        OptionalInt.empty(),
                        Optional.of(outcome),
                        event.funding()));
    }

    /** The residents' mean rating, when any rated. */
    public Optional<Double> meanRating() {
        return ratedBy.isEmpty() ? Optional.empty() : Optional.of((double) ratingTotal / ratedBy.size());
    }

    private void requireManager(Caller by, ResourceEventType step) {
        if (!ResourceAccess.managesProject(by, this)) {
            throw new ForbiddenException("a %s may not take %s on project %s".formatted(by.role(), step, id.value()));
        }
    }

    private void requireInProgress(ResourceEventType step) {
        if (status != ProjectStatus.IN_PROGRESS) {
            throw new IllegalTransitionException("project", id.value(), status.name(), step.name());
        }
    }

    private static ResourceEvent withFunding(ResourceEvent event, Optional<FundReference> funding) {
        return new ResourceEvent(
                event.eventId(),
                event.subjectId(),
                event.sequence(),
                event.type(),
                event.occurredAt(),
                event.actor(),
                event.reason(),
                event.item(),
                event.claim(),
                event.rating(),
                event.followUp(),
                funding);
    }

    private static <T> List<T> append(List<T> list, T value) {
        List<T> next = new ArrayList<>(list);
        next.add(value);
        return next;
    }

    /** The next version of a project, changed field by field by one step. */
    private static final class Draft {

        private final Project from;
        private List<Milestone> milestones;
        private ProjectStatus status;
        private List<EvidenceKey> issuedEvidence;
        private Optional<Completion> completion;
        private List<String> servedResidentIds;
        private List<String> ratedBy;
        private long ratingTotal;
        private Optional<FundReference> funding;
        private int followUps;

        private Draft(Project from) {
            this.from = from;
            this.milestones = from.milestones;
            this.status = from.status;
            this.issuedEvidence = from.issuedEvidence;
            this.completion = from.completion;
            this.servedResidentIds = from.servedResidentIds;
            this.ratedBy = from.ratedBy;
            this.ratingTotal = from.ratingTotal;
            this.funding = from.funding;
            this.followUps = from.followUps;
        }

        private Change<Project> step(ResourceEventType type, Caller by, Instant at, Optional<Reason> reason) {
            Project next = new Project(
                    from.id,
                    from.item,
                    from.claim,
                    from.title,
                    from.ownerId,
                    from.ownerOrganisation,
                    from.memberIds,
                    milestones,
                    from.dueAt,
                    status,
                    issuedEvidence,
                    completion,
                    servedResidentIds,
                    ratedBy,
                    ratingTotal,
                    funding,
                    followUps,
                    from.startedAt,
                    from.version + 1);
            return new Change<>(
                    next,
                    ResourceEvent.of(
                            type, from.id.value(), next.version, at, by, reason, from.item, Optional.of(from.claim)));
        }
    }
}

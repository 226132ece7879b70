package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.FreeText;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A party member's, a sunk cadre's or a resident unit's report-in to a community (双报到) and where the community placed
 * them. Immutable: every step returns the next enrolment with the event that explains it ({@link EnrolmentChange}),
 * so moves between groups and communities keep their history. Each step checks who may take it ({@link PartyAccess},
 * 403), that the state allows it (409) and its values (422).
 */
public record Enrolment(
        EnrolleeId id,
        EnrolleeKind kind,
        EnrolmentStatus status,
        OrganisationId community,
        OrganisationId town,
        Optional<GridId> group,
        Optional<OrganisationId> workplaceUnit,
        List<String> skills,
        List<ActivityKind> preferredKinds,
        Optional<String> contact,
        Instant firstReportedAt,
        Instant lastReportedAt,
        long version,
        Instant updatedAt) {

    public static final int MAXIMUM_REASON_LENGTH = 200;
    static final String KIND = "enrolment";

    public Enrolment {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        requireNonNull(status, "status");
        requireNonNull(community, "community");
        requireNonNull(town, "town");
        requireNonNull(group, "group");
        requireNonNull(workplaceUnit, "workplaceUnit");
        skills = List.copyOf(skills);
        preferredKinds = List.copyOf(preferredKinds);
        requireNonNull(contact, "contact");
        firstReportedAt = firstReportedAt.truncatedTo(ChronoUnit.MILLIS);
        lastReportedAt = lastReportedAt.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
        if (group.isPresent() && (status != EnrolmentStatus.CONFIRMED || !kind.isPlacedInGroup())) {
            throw new IllegalArgumentException("only a confirmed person sits in a group");
        }
    }

    /**
     * A first report-in to {@code community}.
     *
     * @throws ForbiddenException when the caller may not report this enrollee in
     */
    public static EnrolmentChange reportIn(
            EnrolleeId id, EnrolmentRequest request, Organisation community, Caller by, Instant at) {
        requireCommunity(community, "communityId");
        if (!PartyAccess.mayReportIn(by, id, request.kind(), community.id())) {
            throw new ForbiddenException(
                    "%s may not report %s in as %s".formatted(by.role(), id.value(), request.kind()));
        }
        OrganisationId town = community.town().orElseThrow();
        Enrolment enrolment = new Enrolment(
                id,
                request.kind(),
                EnrolmentStatus.REPORTED,
                community.id(),
                town,
                Optional.empty(),
                request.workplaceUnit(),
                request.skills(),
                request.preferredKinds(),
                request.contact(),
                at,
                at,
                1,
                at);
        return enrolment.changed(
                enrolment,
                EnrolmentEventType.REPORTED_IN,
                Optional.empty(),
                by,
                at,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** The community confirms: a person into a grid party group of the community, a unit without one. */
    public EnrolmentChange confirm(Optional<Organisation> group, Caller by, Instant at) {
        requireSecretary(by, "confirm");
        requireStatus("confirm", EnrolmentStatus.REPORTED);
        Optional<GridId> placedIn = placement(group);
        Enrolment next = with(EnrolmentStatus.CONFIRMED, community, town, placedIn, lastReportedAt, at);
        return changed(
                next,
                EnrolmentEventType.CONFIRMED,
                Optional.of(status),
                by,
                at,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public EnrolmentChange decline(String reason, Caller by, Instant at) {
        requireSecretary(by, "decline");
        requireStatus("decline", EnrolmentStatus.REPORTED);
        Enrolment next = with(EnrolmentStatus.DECLINED, community, town, Optional.empty(), lastReportedAt, at);
        return changed(
                next,
                EnrolmentEventType.DECLINED,
                Optional.of(status),
                by,
                at,
                Optional.empty(),
                Optional.empty(),
                Optional.of(validReason(reason)));
    }

    /** Places a confirmed person in another group of the same community; the event keeps the group they left. */
    public EnrolmentChange move(Organisation group, String reason, Caller by, Instant at) {
        requireSecretary(by, "move");
        requireStatus("move", EnrolmentStatus.CONFIRMED);
        if (!kind.isPlacedInGroup()) {
            throw ValidationException.of("groupId", "a unit is not placed in a group");
        }
        Optional<GridId> target = placement(Optional.of(group));
        if (target.equals(this.group)) {
            throw ValidationException.of("groupId", "is the group the enrollee is in already");
        }
        Enrolment next = with(status, community, town, target, lastReportedAt, at);
        return changed(
                next,
                EnrolmentEventType.MOVED,
                Optional.of(status),
                by,
                at,
                Optional.empty(),
                this.group,
                Optional.of(validReason(reason)));
    }

    /** The half-yearly report again; the placement stays as it is. */
    public EnrolmentChange renew(Caller by, Instant at) {
        requireReporter(by, "renew");
        if (status == EnrolmentStatus.DECLINED) {
            throw new IllegalTransitionException(KIND, id.value(), status.name(), "renew");
        }
        Enrolment next = with(status, community, town, group, at, at);
        return changed(
                next,
                EnrolmentEventType.RENEWED,
                Optional.of(status),
                by,
                at,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** A report-in to another community (a member moved house): waits for the new community, the old one stays on the event. */
    public EnrolmentChange transfer(Organisation newCommunity, Caller by, Instant at) {
        requireReporter(by, "transfer");
        requireCommunity(newCommunity, "communityId");
        if (newCommunity.id().equals(community)) {
            throw ValidationException.of("communityId", "is the community the enrollee reported in to already");
        }
        Enrolment next = with(
                EnrolmentStatus.REPORTED,
                newCommunity.id(),
                newCommunity.town().orElseThrow(),
                Optional.empty(),
                at,
                at);
        return changed(
                next,
                EnrolmentEventType.TRANSFERRED,
                Optional.of(status),
                by,
                at,
                Optional.of(community),
                group,
                Optional.empty());
    }

    private Optional<GridId> placement(Optional<Organisation> group) {
        if (!kind.isPlacedInGroup()) {
            if (group.isPresent()) {
                throw ValidationException.of("groupId", "a unit is not placed in a group");
            }
            return Optional.empty();
        }
        Organisation grid = group.orElseThrow(() -> ValidationException.of("groupId", "is required to place a person"));
        if (grid.kind() != OrganisationKind.GRID || !grid.communityId().equals(Optional.of(community))) {
            throw ValidationException.of("groupId", "must be a grid party group of the community " + community.value());
        }
        return Optional.of(new GridId(grid.id().value()));
    }

    private void requireSecretary(Caller by, String step) {
        if (!PartyAccess.mayPlace(by, community)) {
            throw new ForbiddenException(
                    "%s may not %s enrolments of %s".formatted(by.role(), step, community.value()));
        }
    }

    private void requireReporter(Caller by, String step) {
        if (!PartyAccess.mayReportIn(by, id, kind, community)) {
            throw new ForbiddenException("%s may not %s the enrolment of %s".formatted(by.role(), step, id.value()));
        }
    }

    private void requireStatus(String step, EnrolmentStatus required) {
        if (status != required) {
            throw new IllegalTransitionException(KIND, id.value(), status.name(), step);
        }
    }

    private static void requireCommunity(Organisation community, String field) {
        if (community.kind() != OrganisationKind.COMMUNITY) {
            throw ValidationException.of(field, "must be a community");
        }
    }

    static String validReason(String reason) {
        FieldErrors errors = new FieldErrors();
        String valid = errors.value("reason", () -> FreeText.require(reason, MAXIMUM_REASON_LENGTH));
        errors.throwIfAny();
        return valid.strip();
    }

    private Enrolment with(
            EnrolmentStatus nextStatus,
            OrganisationId nextCommunity,
            OrganisationId nextTown,
            Optional<GridId> nextGroup,
            Instant reportedAt,
            Instant at) {
        return new Enrolment(
                id,
                kind,
                nextStatus,
                nextCommunity,
                nextTown,
                nextGroup,
                workplaceUnit,
                skills,
                preferredKinds,
                contact,
                firstReportedAt,
                reportedAt,
                version + 1,
                at);
    }

    private EnrolmentChange changed(
            Enrolment next,
            EnrolmentEventType type,
            Optional<EnrolmentStatus> from,
            Caller by,
            Instant at,
            Optional<OrganisationId> previousCommunity,
            Optional<GridId> previousGroup,
            Optional<String> reason) {
        EnrolmentEvent event = new EnrolmentEvent(
                EnrolmentEvent.idFor(id, next.version()),
                id,
                kind,
                next.version(),
                type,
                from,
                next.status(),
                at.truncatedTo(ChronoUnit.MILLIS),
                by,
                next.community(),
                next.town(),
                next.group(),
                previousCommunity,
                previousGroup,
                workplaceUnit,
                reason);
        return new EnrolmentChange(next, event);
    }
}

package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.OrganisationId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One step of an enrolment's history: who reported in, renewed, was confirmed into which group, moved from which group
 * or community, declined and why. Pseudonymous ids only: never the contact details.
 */
public record EnrolmentEvent(
        String eventId,
        EnrolleeId enrolleeId,
        EnrolleeKind kind,
        long sequence,
        EnrolmentEventType type,
        Optional<EnrolmentStatus> from,
        EnrolmentStatus to,
        Instant occurredAt,
        Caller actor,
        OrganisationId community,
        OrganisationId town,
        Optional<GridId> group,
        Optional<OrganisationId> previousCommunity,
        Optional<GridId> previousGroup,
        Optional<OrganisationId> workplaceUnit,
        Optional<String> reason) {

    public EnrolmentEvent {
        requireNonNull(eventId, "eventId");
        requireNonNull(enrolleeId, "enrolleeId");
        requireNonNull(kind, "kind");
        requireNonNull(type, "type");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(actor, "actor");
        requireNonNull(community, "community");
        requireNonNull(town, "town");
        requireNonNull(group, "group");
        requireNonNull(previousCommunity, "previousCommunity");
        requireNonNull(previousGroup, "previousGroup");
        requireNonNull(workplaceUnit, "workplaceUnit");
        requireNonNull(reason, "reason");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        if ((type == EnrolmentEventType.REPORTED_IN) != from.isEmpty()) {
            throw new IllegalArgumentException("only a REPORTED_IN event has no previous status");
        }
    }

    /** Derived from the enrollee and the sequence, so a retried write yields the same id, which the lake deduplicates on. */
    public static String idFor(EnrolleeId enrollee, long sequence) {
        return UUID.nameUUIDFromBytes(
                        ("ENROLMENT#" + enrollee.value() + "#" + sequence).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Whether the enrollee reported (in, again, or to a new community) with this step. */
    public boolean isReport() {
        return switch (type) {
            case REPORTED_IN, RENEWED, TRANSFERRED -> true;
            case CONFIRMED, DECLINED, MOVED -> false;
        };
    }
}

package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * One step on an offer, a demand, a claim or a project: who took it (user, role, organisation), when, why (a person's
 * words, kept in the table and never sent to the lake), and the facts the dashboards group by. Written in the same
 * transaction as the state it explains and never changed.
 */
public record ResourceEvent(
        String eventId,
        String subjectId,
        long sequence,
        ResourceEventType type,
        Instant occurredAt,
        Caller actor,
        Optional<String> reason,
        ItemFacts item,
        Optional<ClaimFacts> claim,
        OptionalInt rating,
        Optional<FollowUpOutcome> followUp,
        Optional<FundReference> funding) {

    public ResourceEvent {
        requireNonNull(eventId, "eventId");
        requireNonNull(subjectId, "subjectId");
        requireNonNull(type, "type");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        requireNonNull(actor, "actor");
        requireNonNull(reason, "reason");
        requireNonNull(item, "item");
        requireNonNull(claim, "claim");
        requireNonNull(rating, "rating");
        requireNonNull(followUp, "followUp");
        requireNonNull(funding, "funding");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        boolean aboutClaim = type.subject() == ResourceSubject.CLAIM || type.subject() == ResourceSubject.PROJECT;
        if (aboutClaim != claim.isPresent()) {
            throw new IllegalArgumentException("claim facts belong to the events of claims and projects, not " + type);
        }
    }

    public ResourceSubject subject() {
        return type.subject();
    }

    /** Derived from subject, id and sequence: a retried write carries the same id, which the lake deduplicates on. */
    public static String idFor(ResourceSubject subject, String subjectId, long sequence) {
        return UUID.nameUUIDFromBytes(
                        (subject.name() + "#" + subjectId + "#" + sequence).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static ResourceEvent of(
            ResourceEventType type,
            String subjectId,
            long sequence,
            Instant at,
            Caller actor,
            Optional<Reason> reason,
            ItemFacts item,
            Optional<ClaimFacts> claim) {
        return new ResourceEvent(
                idFor(type.subject(), subjectId, sequence),
                subjectId,
                sequence,
                type,
                at,
                actor,
                reason.map(Reason::text),
                item,
                claim,
                OptionalInt.empty(),
                Optional.empty(),
                Optional.empty());
    }
}

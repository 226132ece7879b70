package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Identifiers;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Who takes on a claimed item. An organisation (a community, a unit), a party group (its id is the party context's,
 * opaque here; the group acts through its grid's party leader), or one or more members named by their pseudonymous
 * user ids: a joint claim (帮帮团) names every member, the first being the one who made it.
 */
public record Claimant(
        ClaimantKind kind,
        Optional<OrganisationId> organisation,
        Optional<String> partyGroupId,
        List<String> memberIds) {

    public static final int MAXIMUM_MEMBERS = 20;

    public Claimant {
        requireNonNull(kind, "kind");
        requireNonNull(organisation, "organisation");
        requireNonNull(partyGroupId, "partyGroupId");
        memberIds = List.copyOf(memberIds);
        partyGroupId.ifPresent(id -> requireIdentifier("partyGroupId", id));
        switch (kind) {
            case COMMUNITY, UNIT -> {
                if (organisation.isEmpty() || partyGroupId.isPresent() || !memberIds.isEmpty()) {
                    throw new IllegalArgumentException("a %s claimant is an organisation".formatted(kind));
                }
            }
            case PARTY_GROUP -> {
                if (organisation.isEmpty() || partyGroupId.isEmpty() || !memberIds.isEmpty()) {
                    throw new IllegalArgumentException("a party group claims through its grid");
                }
            }
            case MEMBERS -> {
                if (organisation.isPresent() || partyGroupId.isPresent()) {
                    throw new IllegalArgumentException("members claim as people");
                }
                if (memberIds.isEmpty() || memberIds.size() > MAXIMUM_MEMBERS) {
                    throw ValidationException.of("memberIds", "must name 1 to %d members".formatted(MAXIMUM_MEMBERS));
                }
                for (int index = 0; index < memberIds.size(); index++) {
                    requireIdentifier("memberIds[" + index + "]", memberIds.get(index));
                }
                if (new HashSet<>(memberIds).size() != memberIds.size()) {
                    throw ValidationException.of("memberIds", "must not name a member twice");
                }
            }
        }
    }

    public static Claimant community(OrganisationId community) {
        return new Claimant(ClaimantKind.COMMUNITY, Optional.of(community), Optional.empty(), List.of());
    }

    public static Claimant unit(OrganisationId unit) {
        return new Claimant(ClaimantKind.UNIT, Optional.of(unit), Optional.empty(), List.of());
    }

    public static Claimant partyGroup(String partyGroupId, OrganisationId grid) {
        return new Claimant(ClaimantKind.PARTY_GROUP, Optional.of(grid), Optional.of(partyGroupId), List.of());
    }

    /** One member alone, or a joint claim whose first member is the one who made it. */
    public static Claimant members(List<String> memberIds) {
        return new Claimant(ClaimantKind.MEMBERS, Optional.empty(), Optional.empty(), memberIds);
    }

    public boolean isJoint() {
        return memberIds.size() > 1;
    }

    private static void requireIdentifier(String field, String value) {
        try {
            Identifiers.require(value);
        } catch (ValidationException invalid) {
            throw ValidationException.of(field, invalid.errors().getFirst().message());
        }
    }
}

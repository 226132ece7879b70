package io.gridsteward.domain.party;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A small county with a community of two grids, a member, a unit, a sunk cadre and an activity in River grid 1. */
final class PartyFixture {

    static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    static final OrganisationId COUNTY = new OrganisationId("county-qingshan");
    static final Organisation TOWN = Organisation.town(new OrganisationId("town-east"), "East", COUNTY);
    static final Organisation OTHER_TOWN = Organisation.town(new OrganisationId("town-west"), "West", COUNTY);
    static final Organisation RIVER = Organisation.community(new OrganisationId("community-river"), "River", TOWN.id());
    static final Organisation HILL =
            Organisation.community(new OrganisationId("community-hill"), "Hill", OTHER_TOWN.id());
    static final Organisation RIVER_ONE =
            Organisation.grid(new OrganisationId("grid-river-1"), "River 1", RIVER.id(), TOWN.id());
    static final Organisation RIVER_TWO =
            Organisation.grid(new OrganisationId("grid-river-2"), "River 2", RIVER.id(), TOWN.id());
    static final Organisation HILL_ONE =
            Organisation.grid(new OrganisationId("grid-hill-1"), "Hill 1", HILL.id(), OTHER_TOWN.id());
    static final OrganisationId SCHOOL = new OrganisationId("unit-school");

    static final Caller MEMBER = Caller.resident("member-1");
    static final Caller OTHER_MEMBER = Caller.resident("member-2");
    static final Caller CADRE = Caller.staff("cadre-1", Role.DEPARTMENT_OFFICER, new OrganisationId("dept-water"));
    static final Caller SECRETARY = Caller.staff("secretary-river", Role.COMMUNITY_SECRETARY, RIVER.id());
    static final Caller HILL_SECRETARY = Caller.staff("secretary-hill", Role.COMMUNITY_SECRETARY, HILL.id());
    static final Caller LEADER = Caller.staff("leader-river-1", Role.GRID_PARTY_LEADER, RIVER_ONE.id());
    static final Caller OTHER_LEADER = Caller.staff("leader-river-2", Role.GRID_PARTY_LEADER, RIVER_TWO.id());

    static final PartyRules RULES = PartyRules.bundled(COUNTY);
    static final Location CENTRE = new Location(30.251, 120.161);
    static final ActivityWindow WINDOW =
            new ActivityWindow(Instant.parse("2026-03-07T01:00:00Z"), Instant.parse("2026-03-07T03:00:00Z"));
    static final byte[] KEY = "a test key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII);

    private PartyFixture() {}

    static EnrolmentRequest inService() {
        return new EnrolmentRequest(
                EnrolleeKind.IN_SERVICE_MEMBER,
                Optional.of(SCHOOL),
                List.of("first aid"),
                List.of(ActivityKind.SERVICE),
                Optional.of("13800000000"));
    }

    static Enrolment confirmedMember(Caller member) {
        Enrolment reported = Enrolment.reportIn(new EnrolleeId(member.userId()), inService(), RIVER, member, NOW)
                .enrolment();
        return reported.confirm(Optional.of(RIVER_ONE), SECRETARY, NOW.plusSeconds(60))
                .enrolment();
    }

    static Activity activity(int capacity) {
        return Activity.publish(
                new ActivityId("activity-1"),
                new ActivityDraft(ActivityKind.PATROL, "Evening patrol", WINDOW, new Geofence(CENTRE, 100), capacity),
                RIVER_ONE,
                LEADER,
                NOW);
    }

    /** Tokens whose nonces count up, so tests can tell two tokens apart. */
    static CheckInTokens tokens() {
        AtomicLong next = new AtomicLong();
        return new CheckInTokens(KEY, RULES.tokenValidity(), () -> "nonce-" + next.incrementAndGet());
    }

    /** A point {@code metres} due north of {@code from}. */
    static Location north(Location from, double metres) {
        return new Location(from.latitude() + Math.toDegrees(metres / Geofence.EARTH_RADIUS_METRES), from.longitude());
    }

    static Instant at(Duration afterStart) {
        return WINDOW.startsAt().plus(afterStart);
    }
}

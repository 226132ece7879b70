package io.gridsteward.dashboard;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.FieldError;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.TokenClaims;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.store.organisation.OrganisationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who sees which part of the county on the dashboards, decided on the server for every dashboard route:
 * <ul>
 *     <li>COUNTY_LEADER: the whole county (towns, communities, grids, departments, units);</li>
 *     <li>TOWN_DISPATCHER, TOWN_SUPERVISOR: their town, its communities and grids;</li>
 *     <li>COMMUNITY_SECRETARY: their community and its grids;</li>
 *     <li>GRID_WORKER, GRID_PARTY_LEADER: their grid;</li>
 *     <li>DEPARTMENT_OFFICER: their department's own handling (its rows of the department dimension);</li>
 *     <li>RESIDENT, PARTY_MEMBER, UNIT_OFFICER: no dashboard (403).</li>
 * </ul>
 * Claims that describe nobody (no or an unknown role, SYSTEM, staff without an organisation) are a 401; a token whose
 * organisation is not the county's or not of the kind its role acts for is a 403. The caller's part of the tree is read
 * through the organisation store (one GetItem and one index query per organisation with children, never a Scan) and
 * kept per organisation for {@code timeToLive}: the structure changes with a new file, not from request to request.
 */
public final class Jurisdictions {

    private record Tree(List<Organisation> organisations, Instant readAt) {}

    private final OrganisationStore organisations;
    private final Clock clock;
    private final Duration timeToLive;
    private final Map<OrganisationId, Tree> trees = new ConcurrentHashMap<>();

    public Jurisdictions(OrganisationStore organisations, Clock clock, Duration timeToLive) {
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
    }

    /** The caller the authorizer's claims describe; a request without usable claims is a 401. */
    public static Caller callerOf(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = Optional.ofNullable(event)
                .map(APIGatewayV2HTTPEvent::getRequestContext)
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .orElseThrow(() -> Refusal.unauthenticated("the request carries no verified token claims"));
        try {
            return TokenClaims.caller(claims);
        } catch (TokenClaims.InvalidClaimsException invalid) {
            throw Refusal.unauthenticated(invalid.getMessage());
        }
    }

    /** The caller's own jurisdiction, or a 403 for a caller who sees no dashboard. */
    public Jurisdiction of(Caller caller) {
        OrganisationKind kind = switch (caller.role()) {
            case COUNTY_LEADER,
                    TOWN_DISPATCHER,
                    TOWN_SUPERVISOR,
                    COMMUNITY_SECRETARY,
                    GRID_WORKER,
                    GRID_PARTY_LEADER,
                    DEPARTMENT_OFFICER -> caller.role().organisationKind().orElseThrow();
            case RESIDENT, PARTY_MEMBER, UNIT_OFFICER, SYSTEM ->
                throw Refusal.forbidden(
                        "a %s sees no dashboard: they are for the county's, towns', communities', grids' and departments' staff"
                                .formatted(caller.role()));
        };
        OrganisationId organisation = caller.organisationId().orElseThrow();
        List<Organisation> tree = tree(organisation);
        if (tree.isEmpty()) {
            throw Refusal.forbidden(
                    "the token's organisation %s is not one of the county's".formatted(organisation.value()));
        }
        Organisation root = tree.getFirst();
        if (root.kind() != kind) {
            throw Refusal.forbidden("a %s acts for a %s, and the token's organisation %s is a %s"
                    .formatted(caller.role(), kind, organisation.value(), root.kind()));
        }
        return Jurisdiction.below(root, tree);
    }

    /**
     * What an answer may show when the caller whose jurisdiction is {@code own} asks for {@code scope}: all of it when no
     * scope is named, else the named organisation and what lies below it. A scope out of the caller's sight is as unknown
     * as one that does not exist: 404, as the API answers for any organisation, ticket or claim out of sight.
     */
    public Jurisdiction within(Jurisdiction own, Optional<OrganisationId> scope) {
        if (scope.isEmpty() || scope.get().equals(own.root().id())) {
            return own;
        }
        OrganisationId scopeId = scope.get();
        if (!own.contains(scopeId.value())) {
            throw Refusal.notFound(
                    "scope",
                    "no organisation %s in the caller's jurisdiction (%s and below)"
                            .formatted(scopeId.value(), own.root().id().value()));
        }
        List<Organisation> tree = tree(own.root().id());
        Organisation scopeRoot = tree.stream()
                .filter(organisation -> organisation.id().equals(scopeId))
                .findFirst()
                .orElseThrow(() -> Refusal.notFound(
                        "scope", "no organisation %s in the caller's jurisdiction".formatted(scopeId.value())));
        return Jurisdiction.below(scopeRoot, tree);
    }

    /** {@code scope} as the query names it: absent or blank is no scope; a malformed id is added to {@code errors}. */
    public static Optional<OrganisationId> scopeParameter(String scope, List<FieldError> errors) {
        if (scope == null || scope.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OrganisationId(scope));
        } catch (ValidationException invalid) {
            errors.add(new FieldError("scope", "must be an organisation id: it " + invalid.getMessage()));
            return Optional.empty();
        }
    }

    /** The organisation and everything below it, read once per time to live; nothing kept for an unknown organisation. */
    private List<Organisation> tree(OrganisationId root) {
        Instant now = clock.instant();
        Tree kept = trees.get(root);
        if (kept != null && now.isBefore(kept.readAt().plus(timeToLive))) {
            return kept.organisations();
        }
        List<Organisation> read = List.copyOf(organisations.subtree(root));
        if (!read.isEmpty()) {
            trees.put(root, new Tree(read, now));
        }
        return read;
    }
}

package io.gridsteward.api.organisation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.api.core.ApiException;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.store.organisation.OrganisationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Before any resource runs, refuses a staff token whose organisation is not of the kind its role acts for (a
 * department officer whose organisation is a grid, a grid worker of a town) or names no organisation of the county:
 * the JWT authorizer proves who signed the claims, not that they fit together.
 */
@ApplicationScoped
public class CallerOrganisationCheck {

    private final OrganisationStore organisations;
    private final Instance<APIGatewayV2HTTPEvent> events;
    /** An organisation's kind never changes, so it is read once per organisation and instance. */
    private final Map<OrganisationId, OrganisationKind> kinds = new ConcurrentHashMap<>();

    public CallerOrganisationCheck(OrganisationStore organisations, Instance<APIGatewayV2HTTPEvent> events) {
        this.organisations = organisations;
        this.events = events;
    }

    @ServerRequestFilter
    public void requireRoleToFitOrganisation() {
        APIGatewayV2HTTPEvent event = events.get();
        if (!CallerClaims.hasClaims(event)) {
            return;
        }
        Caller caller = CallerClaims.callerOf(event);
        Optional<OrganisationKind> required = caller.role().organisationKind();
        if (required.isEmpty() || caller.organisationId().isEmpty()) {
            return;
        }
        OrganisationId organisation = caller.organisationId().get();
        OrganisationKind kind = kinds.get(organisation);
        if (kind == null) {
            kind = organisations
                    .find(organisation)
                    .map(Organisation::kind)
                    .orElseThrow(() -> ApiException.forbidden(
                            "the token's organisation %s is not one of the county's".formatted(organisation.value())));
            kinds.put(organisation, kind);
        }
        if (kind != required.get()) {
            throw ApiException.forbidden("a %s acts for a %s, and the token's organisation %s is a %s"
                    .formatted(caller.role(), required.get(), organisation.value(), kind));
        }
    }
}

package io.gridsteward.dashboard;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.dashboard.ResponseTimes.GridResponseTime;
import io.gridsteward.domain.core.FieldError;
import io.gridsteward.domain.core.OrganisationId;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v1/dashboards/response-times[?scope=]}: the metric file's rows as JSON, only the grids in the caller's
 * jurisdiction ({@link Jurisdictions}), narrowed to {@code scope} when named.
 */
@Path("/v1/dashboards")
public class ResponseTimesResource {

    static final String SQL_FILE = "metrics/time_to_dispatch_by_grid.sql";

    private final QueryCache queryCache;
    private final Jurisdictions jurisdictions;

    @Inject
    ResponseTimesResource(QueryCache queryCache, Jurisdictions jurisdictions) {
        this.queryCache = queryCache;
        this.jurisdictions = jurisdictions;
    }

    @GET
    @Path("/response-times")
    @Produces(MediaType.APPLICATION_JSON)
    public ResponseTimes responseTimes(@QueryParam("scope") String scope, @Context APIGatewayV2HTTPEvent event) {
        Jurisdiction own = jurisdictions.of(Jurisdictions.callerOf(event));
        List<FieldError> errors = new ArrayList<>();
        Optional<OrganisationId> scopeId = Jurisdictions.scopeParameter(scope, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalidParameters(errors);
        }
        Jurisdiction shown = jurisdictions.within(own, scopeId);
        QueryCache.Answer answer = queryCache.run(SQL_FILE, List.of());
        List<GridResponseTime> rows = answer.result().rows().stream()
                .filter(row -> row.get("grid_id") instanceof String grid && shown.contains(grid))
                .map(ResponseTimesResource::gridRow)
                .toList();
        return new ResponseTimes(ResponseTimes.METRIC, shown.root().id().value(), rows, answer.computedAt());
    }

    private static GridResponseTime gridRow(Map<String, Object> row) {
        return new GridResponseTime(
                (String) row.get("grid_id"),
                (Long) row.get("tickets"),
                (Double) row.get("median_seconds"),
                (Double) row.get("p90_seconds"));
    }
}

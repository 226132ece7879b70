package io.gridsteward.dashboard;

import io.gridsteward.dashboard.ResponseTimes.GridResponseTime;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/dashboards/response-times}: the metric file's rows as JSON. */
@Path("/v1/dashboards")
public class ResponseTimesResource {

    static final String SQL_FILE = "metrics/time_to_dispatch_by_grid.sql";

    @Inject
    QueryCache queryCache;

    @GET
    @Path("/response-times")
    @Produces(MediaType.APPLICATION_JSON)
    public ResponseTimes responseTimes() {
        QueryCache.Answer answer = queryCache.run(SQL_FILE, List.of());
        List<GridResponseTime> rows = answer.result().rows().stream().map(ResponseTimesResource::gridRow).toList();
        return new ResponseTimes(ResponseTimes.METRIC, rows, answer.computedAt());
    }

    private static GridResponseTime gridRow(Map<String, Object> row) {
        return new GridResponseTime(
                (String) row.get("grid_id"),
                (Long) row.get("tickets"),
                (Double) row.get("median_seconds"),
                (Double) row.get("p90_seconds"));
    }
}

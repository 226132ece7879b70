package io.gridsteward.dashboard;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.analytics.metrics.AssessmentRules;
import io.gridsteward.analytics.metrics.Dimension;
import io.gridsteward.analytics.metrics.Metric;
import io.gridsteward.analytics.metrics.MetricQuery;
import io.gridsteward.analytics.metrics.ParameterName;
import io.gridsteward.analytics.metrics.Period;
import io.gridsteward.domain.core.FieldError;
import io.gridsteward.domain.core.OrganisationId;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code GET /v1/dashboards/metrics?metric=&dimension=&period=&from=&to=[&scope=]}: one metric file's rows as JSON, only
 * those about organisations in the caller's jurisdiction ({@link Jurisdictions}), narrowed to {@code scope} when named.
 * {@code from} and {@code to} are local dates (county time zone), both included; the files that judge a state or an
 * outcome do so as of the request's moment (county wall-clock time) under the bundled assessment rules. The answer's
 * {@code Server-Timing} header says where the function's time went: {@code engine} (the SQL file run, absent when the
 * answer came from the cache, then {@code cache;desc=hit}) and {@code handler} (the whole request in this function),
 * so that what a client waits beyond them is the path to the function (front, Runtime API, Lambda).
 */
@Path("/v1/dashboards")
public class MetricsResource {

    private static final Pattern SNAKE_CASE_PART = Pattern.compile("_([a-z0-9])");
    /** The assessment's rules shipped with the SQL files: read once, they are data of this release. */
    private static final AssessmentRules RULES = AssessmentRules.bundled();

    private final QueryCache queryCache;
    private final Jurisdictions jurisdictions;

    @Inject
    MetricsResource(QueryCache queryCache, Jurisdictions jurisdictions) {
        this.queryCache = queryCache;
        this.jurisdictions = jurisdictions;
    }

    @GET
    @Path("/metrics")
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<MetricRows> metrics(
            @QueryParam("metric") String metric,
            @QueryParam("dimension") String dimension,
            @QueryParam("period") String period,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("scope") String scope,
            @Context APIGatewayV2HTTPEvent event) {
        long started = System.nanoTime();
        Jurisdiction own = jurisdictions.of(Jurisdictions.callerOf(event));
        // Judged as of this minute, so that requests within the cache's short life share one answer.
        LocalDateTime now = LocalDateTime.now(MetricQuery.TIME_ZONE).truncatedTo(ChronoUnit.MINUTES);
        List<FieldError> errors = new ArrayList<>();
        Optional<MetricQuery> parsed = query(metric, dimension, period, from, to, now, errors);
        Optional<OrganisationId> scopeId = Jurisdictions.scopeParameter(scope, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalidParameters(errors);
        }
        MetricQuery query = parsed.orElseThrow();
        Jurisdiction shown = jurisdictions.within(own, scopeId);
        if (query.dimension() == Dimension.CATEGORY && !shown.isWholeCounty()) {
            throw Refusal.forbidden(
                    "dimension",
                    "a category's figures are counted county-wide: only the whole county's scope groups by category");
        }
        QueryCache.Answer answer = queryCache.run(query.metric().sqlFile(), query.parameters());
        // The files compute county-wide; what lies outside the scope is dropped before anything leaves the function.
        List<Map<String, Object>> rows = answer.result().rows().stream()
                .filter(row -> shown.shows(query.dimension(), row))
                .map(MetricsResource::camelCase)
                .toList();
        MetricRows answered = new MetricRows(
                query.metric().parameterName(),
                query.dimension().parameterName(),
                query.period().parameterName(),
                query.firstDay(),
                query.lastDay(),
                shown.root().id().value(),
                MetricQuery.TIME_ZONE.getId(),
                true,
                rows,
                answer.computedAt(),
                answer.cached());
        return RestResponse.ResponseBuilder.ok(answered)
                .header("Server-Timing", serverTiming(answer, Duration.ofNanos(System.nanoTime() - started)))
                .build();
    }

    private static String serverTiming(QueryCache.Answer answer, Duration handler) {
        String engine = answer.cached() ? "cache;desc=hit" : "engine;dur=" + milliseconds(answer.computing());
        return engine + ", handler;dur=" + milliseconds(handler);
    }

    private static String milliseconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e6);
    }

    /** Every parameter checked, every problem added to {@code errors}; the query when there was none. */
    private static Optional<MetricQuery> query(
            String metric,
            String dimension,
            String period,
            String from,
            String to,
            LocalDateTime now,
            List<FieldError> errors) {
        Optional<Metric> parsedMetric = choice("metric", metric, Metric.class, errors);
        Optional<Dimension> parsedDimension = choice("dimension", dimension, Dimension.class, errors);
        Optional<Period> parsedPeriod = choice("period", period, Period.class, errors);
        Optional<LocalDate> firstDay = date("from", from, errors);
        Optional<LocalDate> lastDay = date("to", to, errors);
        if (parsedMetric.isPresent()
                && parsedDimension.isPresent()
                && !parsedMetric.get().dimensions().contains(parsedDimension.get())) {
            errors.add(new FieldError(
                    "dimension",
                    "%s groups by %s, not %s"
                            .formatted(
                                    parsedMetric.get().parameterName(),
                                    String.join(
                                            ", ",
                                            parsedMetric.get().dimensions().stream()
                                                    .map(Dimension::parameterName)
                                                    .toList()),
                                    dimension)));
        }
        if (firstDay.isPresent() && lastDay.isPresent()) {
            if (lastDay.get().isBefore(firstDay.get())) {
                errors.add(new FieldError("to", "must not be before from (" + firstDay.get() + ")"));
            } else if (ChronoUnit.DAYS.between(firstDay.get(), lastDay.get()) >= MetricQuery.MAXIMUM_DAYS) {
                errors.add(new FieldError("to", "at most " + MetricQuery.MAXIMUM_DAYS + " days after from"));
            }
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MetricQuery(
                parsedMetric.orElseThrow(),
                parsedDimension.orElseThrow(),
                parsedPeriod.orElseThrow(),
                firstDay.orElseThrow(),
                lastDay.orElseThrow(),
                now,
                RULES));
    }

    private static <E extends Enum<E> & ParameterName> Optional<E> choice(
            String parameter, String value, Class<E> type, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(parameter, "is required: one of " + ParameterName.accepted(type)));
            return Optional.empty();
        }
        Optional<E> parsed = ParameterName.parse(type, value);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(parameter, "must be one of " + ParameterName.accepted(type) + ", not " + value));
        }
        return parsed;
    }

    private static Optional<LocalDate> date(String parameter, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(parameter, "is required: a date yyyy-MM-dd"));
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException exception) {
            errors.add(new FieldError(parameter, "must be a date yyyy-MM-dd, not " + value));
            return Optional.empty();
        }
    }

    /** {@code median_seconds} → {@code medianSeconds}, as the rest of the API spells its fields. */
    private static Map<String, Object> camelCase(Map<String, Object> row) {
        Map<String, Object> renamed = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            Matcher matcher = SNAKE_CASE_PART.matcher(column);
            renamed.put(matcher.replaceAll(match -> match.group(1).toUpperCase(Locale.ROOT)), value);
        });
        return renamed;
    }
}

-- Times of resources moved down per dimension value and period, in seconds: the number of claims and the exact
-- nearest-rank median and 90th percentile (analytics/README.md, "Resource metrics"). Athena (Trino) and DuckDB.
-- Parameters, in placeholder order: 1 measure, 2 dimension, 3 period, 4 first day, 5 last day (local dates, inclusive).
--   time_to_claim:    the item's publication → CLAIMED, for claims not later declined; counts at the claim;
--   time_to_complete: CLAIMED → PROJECT_COMPLETED of the claim's project; counts at the completion.
-- Both ends are on the end event (published_at and claimed_at are copied onto it), so no join is needed.
-- Dimensions as in resource_flows.sql for claims: the served community and grid, the pool's town, the provider.
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS measure,
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day
),
declined AS (
  SELECT DISTINCT claim_id
  FROM resource_events_deduplicated
  WHERE event_type = 'CLAIM_DECLINED'
),
ends AS (
  SELECT
    CASE parameters.measure WHEN 'time_to_claim' THEN events.published_at ELSE events.claimed_at END AS started_at,
    events.occurred_at AS ended_at,
    CAST(events.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    CASE parameters.dimension
      WHEN 'community' THEN events.claim_community_id
      WHEN 'grid' THEN events.claim_grid_id
      WHEN 'town' THEN events.town_id
      WHEN 'provider' THEN CASE WHEN events.item_type = 'OFFER' THEN events.provider_org_id ELSE events.claimant_org_id END
    END AS dimension_value,
    parameters.period,
    parameters.first_day,
    parameters.last_day
  FROM resource_events_deduplicated AS events
  CROSS JOIN parameters
  LEFT JOIN declined
    ON declined.claim_id = events.claim_id
  WHERE events.event_type = CASE parameters.measure WHEN 'time_to_claim' THEN 'CLAIMED' ELSE 'PROJECT_COMPLETED' END
    AND (parameters.measure <> 'time_to_claim' OR declined.claim_id IS NULL)
),
durations AS (
  -- Milliseconds: on millisecond timestamps both engines are exact (see durations.sql).
  SELECT
    dimension_value,
    CAST(CASE period
      WHEN 'day' THEN date_trunc('day', local_time)
      WHEN 'week' THEN date_trunc('week', local_time)
      WHEN 'month' THEN date_trunc('month', local_time)
    END AS timestamp) AS local_period_start,
    date_diff('millisecond', started_at, ended_at) AS milliseconds
  FROM ends
  WHERE CAST(local_time AS date) BETWEEN first_day AND last_day
    AND dimension_value IS NOT NULL
    AND started_at IS NOT NULL
),
ranked AS (
  SELECT
    dimension_value,
    local_period_start,
    milliseconds,
    row_number() OVER (PARTITION BY dimension_value, local_period_start ORDER BY milliseconds) AS position,
    count(*) OVER (PARTITION BY dimension_value, local_period_start) AS claims
  FROM durations
)
-- Nearest rank: the value at position ceil(p * n), compared in integers (position * 100 >= n * percent).
SELECT
  dimension_value,
  CAST(CAST(local_period_start AS date) AS varchar) AS period_start,
  claims,
  CAST(min(CASE WHEN position * 100 >= claims * 50 THEN milliseconds END) AS double) / 1000 AS median_seconds,
  CAST(min(CASE WHEN position * 100 >= claims * 90 THEN milliseconds END) AS double) / 1000 AS p90_seconds
FROM ranked
GROUP BY dimension_value, local_period_start, claims
ORDER BY period_start, dimension_value

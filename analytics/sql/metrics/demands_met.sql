-- The share of demands met per dimension value and period (analytics/README.md, "Resource metrics"). Athena (Trino)
-- and DuckDB. Parameters, in placeholder order: 1 dimension, 2 period, 3 first day, 4 last day (local dates, inclusive).
-- A demand counts in the period (Asia/Shanghai local time) of its DEMAND_PUBLISHED event, under its community, grid
-- or town (a demand has no provider: the dashboard refuses that dimension here). It is met when the quantities of its completed
-- projects add up to what it asked for, whenever they completed (up to the lake's latest event: a demand published
-- in a past period and met since shows as met). small_wishes counts the residents' small wishes among them.
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day
),
fulfilled AS (
  SELECT
    item_id,
    sum(claim_quantity) AS quantity
  FROM resource_events_deduplicated
  WHERE event_type = 'PROJECT_COMPLETED'
    AND item_type = 'DEMAND'
  GROUP BY item_id
),
published AS (
  SELECT
    CASE parameters.dimension
      WHEN 'community' THEN events.community_id
      WHEN 'grid' THEN events.grid_id
      WHEN 'town' THEN events.town_id
    END AS dimension_value,
    CAST(events.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    events.small_wish,
    CASE WHEN coalesce(fulfilled.quantity, 0) >= events.item_quantity THEN 1 ELSE 0 END AS met,
    parameters.period,
    parameters.first_day,
    parameters.last_day
  FROM resource_events_deduplicated AS events
  CROSS JOIN parameters
  LEFT JOIN fulfilled
    ON fulfilled.item_id = events.item_id
  WHERE events.event_type = 'DEMAND_PUBLISHED'
),
periods AS (
  SELECT
    dimension_value,
    CAST(CASE period
      WHEN 'day' THEN date_trunc('day', local_time)
      WHEN 'week' THEN date_trunc('week', local_time)
      WHEN 'month' THEN date_trunc('month', local_time)
    END AS timestamp) AS local_period_start,
    small_wish,
    met
  FROM published
  WHERE CAST(local_time AS date) BETWEEN first_day AND last_day
    AND dimension_value IS NOT NULL
)
SELECT
  dimension_value,
  CAST(CAST(local_period_start AS date) AS varchar) AS period_start,
  count(*) AS demands,
  sum(small_wish) AS small_wishes,
  sum(met) AS met,
  CAST(sum(met) AS double) / count(*) AS share_met
FROM periods
GROUP BY dimension_value, local_period_start
ORDER BY period_start, dimension_value

-- Residents' ratings of resource projects per dimension value and period: how many ratings, their mean and how many
-- gave each of 1 to 5 (analytics/README.md, "Resource metrics"). Athena (Trino) and DuckDB. Parameters, in
-- placeholder order: 1 dimension, 2 period, 3 first day, 4 last day (local dates, inclusive). Every PROJECT_RATED
-- event is one resident's one rating (a resident rates a project once); it counts in its own period
-- (Asia/Shanghai local time), under the served community and grid, the pool's town, or the provider.
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day
),
rated AS (
  SELECT
    CASE parameters.dimension
      WHEN 'community' THEN events.claim_community_id
      WHEN 'grid' THEN events.claim_grid_id
      WHEN 'town' THEN events.town_id
      WHEN 'provider' THEN CASE WHEN events.item_type = 'OFFER' THEN events.provider_org_id ELSE events.claimant_org_id END
    END AS dimension_value,
    CAST(events.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    events.rating,
    parameters.period,
    parameters.first_day,
    parameters.last_day
  FROM resource_events_deduplicated AS events
  CROSS JOIN parameters
  WHERE events.event_type = 'PROJECT_RATED'
    AND events.rating IS NOT NULL
),
periods AS (
  SELECT
    dimension_value,
    CAST(CASE period
      WHEN 'day' THEN date_trunc('day', local_time)
      WHEN 'week' THEN date_trunc('week', local_time)
      WHEN 'month' THEN date_trunc('month', local_time)
    END AS timestamp) AS local_period_start,
    rating
  FROM rated
  WHERE CAST(local_time AS date) BETWEEN first_day AND last_day
    AND dimension_value IS NOT NULL
)
SELECT
  dimension_value,
  CAST(CAST(local_period_start AS date) AS varchar) AS period_start,
  count(*) AS ratings,
  CAST(sum(rating) AS double) / count(*) AS mean_rating,
  count(CASE WHEN rating = 1 THEN 1 END) AS rating_1,
  count(CASE WHEN rating = 2 THEN 1 END) AS rating_2,
  count(CASE WHEN rating = 3 THEN 1 END) AS rating_3,
  count(CASE WHEN rating = 4 THEN 1 END) AS rating_4,
  count(CASE WHEN rating = 5 THEN 1 END) AS rating_5
FROM periods
GROUP BY dimension_value, local_period_start
ORDER BY period_start, dimension_value

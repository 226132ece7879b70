-- Ratings per dimension value and period: rated tickets, mean rating and the count of each rating 1-5
-- (analytics/README.md, "Fair definitions", 6). Athena (Trino) and DuckDB, unchanged.
-- Parameters, in placeholder order: 1 dimension, 2 period, 3 first day, 4 last day (local dates, inclusive).
-- A rating is an EVALUATED event that carries one (events written before ratings were carried have none). A ticket
-- counts once in each period it was rated in (Asia/Shanghai local time), with its last rating of that period and under
-- that evaluation's dimension value: a rating in a later period (after a reopening) does not take an earlier
-- period's rating away.
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day
),
evaluations AS (
  SELECT
    events.ticket_id,
    events.occurred_at,
    events.sequence,
    events.rating,
    CASE parameters.dimension
      WHEN 'grid' THEN events.grid_id
      WHEN 'community' THEN events.community_id
      WHEN 'town' THEN events.town_id
      WHEN 'department' THEN CASE WHEN events.assignee_org_kind = 'DEPARTMENT' THEN events.assignee_org_id END
      WHEN 'category' THEN events.category
    END AS dimension_value,
    -- Local wall-clock time: Trino gives a zoned value and DuckDB a plain one; the cast makes both plain.
    CAST(events.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    parameters.period,
    parameters.first_day,
    parameters.last_day
  FROM ticket_events_deduplicated AS events
  CROSS JOIN parameters
  WHERE events.event_type = 'EVALUATED'
    AND events.rating IS NOT NULL
),
periods AS (
  SELECT
    ticket_id,
    occurred_at,
    sequence,
    rating,
    dimension_value,
    CAST(CASE period
      WHEN 'day' THEN date_trunc('day', local_time)
      WHEN 'week' THEN date_trunc('week', local_time)
      WHEN 'month' THEN date_trunc('month', local_time)
    END AS timestamp) AS local_period_start,
    local_time,
    first_day,
    last_day
  FROM evaluations
),
rated AS (
  SELECT
    dimension_value,
    local_period_start,
    rating,
    row_number() OVER (PARTITION BY ticket_id, local_period_start ORDER BY occurred_at DESC, sequence DESC) AS recency
  FROM periods
  WHERE CAST(local_time AS date) BETWEEN first_day AND last_day
)
SELECT
  dimension_value,
  CAST(CAST(local_period_start AS date) AS varchar) AS period_start,
  count(*) AS rated_tickets,
  CAST(sum(rating) AS double) / count(*) AS mean_rating,
  count(CASE WHEN rating = 1 THEN 1 END) AS rating_1,
  count(CASE WHEN rating = 2 THEN 1 END) AS rating_2,
  count(CASE WHEN rating = 3 THEN 1 END) AS rating_3,
  count(CASE WHEN rating = 4 THEN 1 END) AS rating_4,
  count(CASE WHEN rating = 5 THEN 1 END) AS rating_5
FROM rated
WHERE recency = 1
  AND dimension_value IS NOT NULL
GROUP BY dimension_value, local_period_start
ORDER BY period_start, dimension_value

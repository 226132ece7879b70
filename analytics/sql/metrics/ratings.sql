-- Residents' ratings per dimension value and period: the number of rated tickets, the mean rating and how
-- many gave each of 1 to 5 (analytics/README.md, "Metric files"). Athena (Trino) and DuckDB, unchanged.
-- Parameters, in placeholder order: 1 dimension, 2 period, 3 first day, 4 last day (local dates, inclusive).
-- A ticket's rating is that of its last EVALUATED event (a reopened and re-resolved ticket is rated again);
-- it counts in that event's period (Asia/Shanghai local time) and under that event's dimension value.
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day
),
evaluations AS (
  SELECT
    occurred_at,
    rating,
    grid_id,
    community_id,
    town_id,
    category,
    assignee_org_id,
    assignee_org_kind,
    row_number() OVER (PARTITION BY ticket_id ORDER BY occurred_at DESC, sequence DESC) AS recency
  FROM ticket_events_deduplicated
  WHERE event_type = 'EVALUATED'
    AND rating IS NOT NULL
),
rated AS (
  SELECT
    CASE parameters.dimension
      WHEN 'grid' THEN evaluations.grid_id
      WHEN 'community' THEN evaluations.community_id
      WHEN 'town' THEN evaluations.town_id
      WHEN 'department' THEN CASE WHEN evaluations.assignee_org_kind = 'DEPARTMENT' THEN evaluations.assignee_org_id END
      WHEN 'category' THEN evaluations.category
    END AS dimension_value,
    -- Local wall-clock time: Trino gives a zoned value and DuckDB a plain one; the cast makes both plain.
    CAST(evaluations.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    evaluations.rating,
    parameters.period,
    parameters.first_day,
    parameters.last_day
  FROM evaluations
  CROSS JOIN parameters
  WHERE evaluations.recency = 1
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
  count(*) AS rated_tickets,
  CAST(sum(rating) AS double) / count(*) AS mean_rating,
  count(CASE WHEN rating = 1 THEN 1 END) AS rating_1,
  count(CASE WHEN rating = 2 THEN 1 END) AS rating_2,
  count(CASE WHEN rating = 3 THEN 1 END) AS rating_3,
  count(CASE WHEN rating = 4 THEN 1 END) AS rating_4,
  count(CASE WHEN rating = 5 THEN 1 END) AS rating_5
FROM periods
GROUP BY dimension_value, local_period_start
ORDER BY period_start, dimension_value

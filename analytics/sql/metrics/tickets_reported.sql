-- Tickets reported per dimension value and period, counted where the problem is: the grid, community and town of the
-- ticket's report, or its category (analytics/README.md, "Tickets reported: counted by place"). Not anybody's score:
-- how many problems an area has. Athena (Trino) and DuckDB, unchanged.
-- Parameters, in placeholder order: 1 dimension, 2 period, 3 first day, 4 last day (local dates, inclusive).
-- A ticket counts in the period (Asia/Shanghai local time) of its first REPORTED, under that event's place. Of those,
-- the tickets returned, escalated (by hand or by the SLA sweeper) and reopened at least once so far are counted apart:
-- what became of a day's reports, as the lake stands (not frozen: these are no assessment figures).
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day
),
reports AS (
  SELECT
    ticket_id,
    occurred_at,
    grid_id,
    community_id,
    town_id,
    category,
    row_number() OVER (PARTITION BY ticket_id ORDER BY occurred_at, sequence) AS occurrence
  FROM ticket_events_deduplicated
  WHERE event_type = 'REPORTED'
),
outcomes AS (
  SELECT
    ticket_id,
    count(CASE WHEN event_type = 'RETURNED' THEN 1 END) > 0 AS returned,
    count(CASE WHEN event_type = 'ESCALATED' THEN 1 END) > 0 AS escalated,
    count(CASE WHEN event_type = 'REOPENED' THEN 1 END) > 0 AS reopened
  FROM ticket_events_deduplicated
  WHERE event_type IN ('RETURNED', 'ESCALATED', 'REOPENED')
  GROUP BY ticket_id
),
placed AS (
  SELECT
    reports.ticket_id,
    -- Local wall-clock time: Trino gives a zoned value and DuckDB a plain one; the cast makes both plain.
    CAST(reports.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    CASE parameters.dimension
      WHEN 'grid' THEN reports.grid_id
      WHEN 'community' THEN reports.community_id
      WHEN 'town' THEN reports.town_id
      WHEN 'category' THEN reports.category
    END AS dimension_value,
    parameters.period,
    parameters.first_day,
    parameters.last_day
  FROM reports
  CROSS JOIN parameters
  WHERE reports.occurrence = 1
),
periods AS (
  SELECT
    placed.ticket_id,
    placed.dimension_value,
    CAST(CASE placed.period
      WHEN 'day' THEN date_trunc('day', placed.local_time)
      WHEN 'week' THEN date_trunc('week', placed.local_time)
      WHEN 'month' THEN date_trunc('month', placed.local_time)
    END AS timestamp) AS local_period_start
  FROM placed
  WHERE CAST(placed.local_time AS date) BETWEEN placed.first_day AND placed.last_day
    AND placed.dimension_value IS NOT NULL
)
SELECT
  periods.dimension_value,
  CAST(CAST(periods.local_period_start AS date) AS varchar) AS period_start,
  count(*) AS reported_tickets,
  count(CASE WHEN outcomes.returned THEN 1 END) AS returned_tickets,
  count(CASE WHEN outcomes.escalated THEN 1 END) AS escalated_tickets,
  count(CASE WHEN outcomes.reopened THEN 1 END) AS reopened_tickets
FROM periods
LEFT JOIN outcomes
  ON outcomes.ticket_id = periods.ticket_id
GROUP BY periods.dimension_value, periods.local_period_start
ORDER BY period_start, dimension_value

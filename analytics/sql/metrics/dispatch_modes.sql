-- How tickets were dispatched, per dimension value and period: auto-routed (the first DISPATCHED is the platform's own,
-- actor_role SYSTEM, at intake, by the routing rules) or by hand (a town dispatcher's), with the exact nearest-rank
-- median and 90th percentile of the time to dispatch of the hand-dispatched ones only, in seconds: an auto-routed
-- ticket waits for nobody, so counting it at 0 s would hide the dispatch centre's own times (analytics/README.md,
-- "Dispatch modes"). Athena (Trino) and DuckDB, unchanged.
-- Parameters, in placeholder order: 1 dimension, 2 period, 3 first day, 4 last day (local dates, inclusive).
-- A ticket counts in the period (Asia/Shanghai local time) and under the dimension value of its first DISPATCHED.
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day
),
ordered AS (
  SELECT
    ticket_id,
    event_type,
    occurred_at,
    actor_role,
    grid_id,
    community_id,
    town_id,
    category,
    assignee_org_id,
    assignee_org_kind,
    row_number() OVER (PARTITION BY ticket_id, event_type ORDER BY occurred_at, sequence) AS occurrence
  FROM ticket_events_deduplicated
  WHERE event_type IN ('REPORTED', 'DISPATCHED')
),
reports AS (
  SELECT
    ticket_id,
    occurred_at
  FROM ordered
  WHERE event_type = 'REPORTED'
    AND occurrence = 1
),
dispatches AS (
  SELECT
    ordered.ticket_id,
    ordered.occurred_at,
    ordered.actor_role = 'SYSTEM' AS auto_routed,
    -- Local wall-clock time: Trino gives a zoned value and DuckDB a plain one; the cast makes both plain.
    CAST(ordered.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    CASE parameters.dimension
      WHEN 'grid' THEN ordered.grid_id
      WHEN 'community' THEN ordered.community_id
      WHEN 'town' THEN ordered.town_id
      WHEN 'department' THEN CASE WHEN ordered.assignee_org_kind = 'DEPARTMENT' THEN ordered.assignee_org_id END
      WHEN 'category' THEN ordered.category
    END AS dimension_value,
    parameters.period,
    parameters.first_day,
    parameters.last_day
  FROM ordered
  CROSS JOIN parameters
  WHERE ordered.event_type = 'DISPATCHED'
    AND ordered.occurrence = 1
),
timed AS (
  -- Milliseconds, not date_diff('second', ...): the engines disagree on sub-second times in seconds.
  SELECT
    dispatches.dimension_value,
    CAST(CASE dispatches.period
      WHEN 'day' THEN date_trunc('day', dispatches.local_time)
      WHEN 'week' THEN date_trunc('week', dispatches.local_time)
      WHEN 'month' THEN date_trunc('month', dispatches.local_time)
    END AS timestamp) AS local_period_start,
    dispatches.auto_routed,
    date_diff('millisecond', reports.occurred_at, dispatches.occurred_at) AS milliseconds
  FROM dispatches
  JOIN reports
    ON reports.ticket_id = dispatches.ticket_id
  WHERE CAST(dispatches.local_time AS date) BETWEEN dispatches.first_day AND dispatches.last_day
    AND dispatches.dimension_value IS NOT NULL
),
ranked AS (
  SELECT
    dimension_value,
    local_period_start,
    auto_routed,
    milliseconds,
    row_number() OVER (PARTITION BY dimension_value, local_period_start, auto_routed ORDER BY milliseconds) AS position,
    count(*) OVER (PARTITION BY dimension_value, local_period_start, auto_routed) AS mode_tickets
  FROM timed
)
-- Nearest rank over the hand-dispatched tickets, compared in integers as in durations.sql.
SELECT
  dimension_value,
  CAST(CAST(local_period_start AS date) AS varchar) AS period_start,
  count(*) AS dispatched_tickets,
  count(CASE WHEN auto_routed THEN 1 END) AS auto_routed_tickets,
  count(CASE WHEN NOT auto_routed THEN 1 END) AS hand_dispatched_tickets,
  CAST(min(CASE WHEN NOT auto_routed AND position * 100 >= mode_tickets * 50 THEN milliseconds END) AS double) / 1000 AS hand_median_seconds,
  CAST(min(CASE WHEN NOT auto_routed AND position * 100 >= mode_tickets * 90 THEN milliseconds END) AS double) / 1000 AS hand_p90_seconds
FROM ranked
GROUP BY dimension_value, local_period_start
ORDER BY period_start, dimension_value

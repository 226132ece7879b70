-- Durations per dimension value and period, in seconds: the number of tickets and the exact nearest-rank
-- median and 90th percentile (analytics/README.md, "Metric files"). Athena (Trino) and DuckDB, unchanged.
-- Parameters, in placeholder order: 1 measure, 2 dimension, 3 period, 4 first day, 5 last day (local dates, inclusive).
--   time_to_dispatch: first REPORTED → first DISPATCHED
--   time_to_accept:   the hand-over to the organisation that accepted first (the last DISPATCHED or ESCALATED before
--                     the first ACCEPTED) → first ACCEPTED: the acceptor's own wait, not earlier holders' (those are
--                     in time_in_state.sql, charged to each holder)
--   time_to_resolve:  first REPORTED → first RESOLVED: a later reopening does not take the resolution out of its
--                     period (the redo rate counts it)
-- A ticket counts in the period (Asia/Shanghai local time) and under the dimension value of its end event.
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS measure,
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day
),
ordered AS (
  SELECT
    ticket_id,
    sequence,
    event_type,
    occurred_at,
    grid_id,
    community_id,
    town_id,
    category,
    assignee_org_id,
    assignee_org_kind,
    row_number() OVER (PARTITION BY ticket_id, event_type ORDER BY occurred_at, sequence) AS occurrence
  FROM ticket_events_deduplicated
  WHERE event_type IN ('REPORTED', 'DISPATCHED', 'ESCALATED', 'ACCEPTED', 'RESOLVED')
),
ends AS (
  SELECT
    ordered.ticket_id,
    ordered.sequence,
    ordered.occurred_at,
    -- Local wall-clock time: Trino gives a zoned value and DuckDB a plain one; the cast makes both plain.
    CAST(ordered.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    CASE parameters.dimension
      WHEN 'grid' THEN ordered.grid_id
      WHEN 'community' THEN ordered.community_id
      WHEN 'town' THEN ordered.town_id
      WHEN 'department' THEN CASE WHEN ordered.assignee_org_kind = 'DEPARTMENT' THEN ordered.assignee_org_id END
      WHEN 'category' THEN ordered.category
    END AS dimension_value,
    parameters.measure,
    parameters.period,
    parameters.first_day,
    parameters.last_day
  FROM ordered
  CROSS JOIN parameters
  WHERE ordered.event_type = CASE parameters.measure
      WHEN 'time_to_dispatch' THEN 'DISPATCHED'
      WHEN 'time_to_accept' THEN 'ACCEPTED'
      WHEN 'time_to_resolve' THEN 'RESOLVED'
    END
    AND ordered.occurrence = 1
),
starts AS (
  -- The ticket's first REPORTED, or for time_to_accept the last hand-over before the acceptance.
  SELECT
    ends.ticket_id,
    max(started.occurred_at) AS occurred_at
  FROM ends
  JOIN ordered AS started
    ON started.ticket_id = ends.ticket_id
    AND started.sequence < ends.sequence
  WHERE CASE ends.measure
      WHEN 'time_to_accept' THEN started.event_type IN ('DISPATCHED', 'ESCALATED')
      ELSE started.event_type = 'REPORTED' AND started.occurrence = 1
    END
  GROUP BY ends.ticket_id
),
durations AS (
  -- Milliseconds, not date_diff('second', ...): DuckDB counts second boundaries crossed, Trino truncates
  -- the difference, and the two disagree on sub-second times. On millisecond timestamps both are exact.
  SELECT
    ends.dimension_value,
    CAST(CASE ends.period
      WHEN 'day' THEN date_trunc('day', ends.local_time)
      WHEN 'week' THEN date_trunc('week', ends.local_time)
      WHEN 'month' THEN date_trunc('month', ends.local_time)
    END AS timestamp) AS local_period_start,
    date_diff('millisecond', starts.occurred_at, ends.occurred_at) AS milliseconds
  FROM ends
  JOIN starts
    ON starts.ticket_id = ends.ticket_id
  WHERE CAST(ends.local_time AS date) BETWEEN ends.first_day AND ends.last_day
    AND ends.dimension_value IS NOT NULL
),
ranked AS (
  SELECT
    dimension_value,
    local_period_start,
    milliseconds,
    row_number() OVER (PARTITION BY dimension_value, local_period_start ORDER BY milliseconds) AS position,
    count(*) OVER (PARTITION BY dimension_value, local_period_start) AS tickets
  FROM durations
)
-- Nearest rank: the value at position ceil(p * n), i.e. the smallest position with position / n >= p,
-- compared in integers (position * 100 >= n * percent) so no engine rounds a fraction differently.
SELECT
  dimension_value,
  CAST(CAST(local_period_start AS date) AS varchar) AS period_start,
  tickets,
  CAST(min(CASE WHEN position * 100 >= tickets * 50 THEN milliseconds END) AS double) / 1000 AS median_seconds,
  CAST(min(CASE WHEN position * 100 >= tickets * 90 THEN milliseconds END) AS double) / 1000 AS p90_seconds
FROM ranked
GROUP BY dimension_value, local_period_start, tickets
ORDER BY period_start, dimension_value

-- Overdue backlog per dimension value at the end of each period, or now when the period has not ended: the tickets
-- open at that moment, and of them those whose resolve-by time had passed (analytics/README.md, "Metric files").
-- Athena (Trino) and DuckDB, unchanged. Parameters (placeholders, in order): 1 dimension, 2 period, 3 first day,
-- 4 last day (local dates, inclusive, at most 1000 days apart), 5 now (local wall-clock timestamp). Every period that
-- has a day in that range and has begun by now is listed; it is measured at the earliest of the start of the next
-- period, the day after the last day, and now (Asia/Shanghai local time): a period that has not ended is judged as it
-- stands, not at an end that has not happened.
-- A ticket's state at a moment is that of its latest event before it: open while its status is REPORTED,
-- DISPATCHED, ACCEPTED, RETURNED, ESCALATED or REOPENED; its dimension value and resolve-by time are that
-- event's. Values with no open ticket at a period's end have no row for that period. Events that leave the status
-- as it is (SUPERVISED, FLAGGED_OVERDUE) carry the ticket's place, assignee and due times as they are, so as a
-- ticket's latest event they give the state the event before them gave: they count no ticket twice or differently.
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day,
    CAST(? AS timestamp) AS local_now
),
digits AS (
  SELECT digit FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS numbers (digit)
),
days AS (
  -- The calendar is built from digits: the two engines have no series function in common.
  SELECT
    CAST(parameters.first_day AS timestamp) + (hundreds.digit * 100 + tens.digit * 10 + ones.digit) * INTERVAL '1' DAY AS day_start,
    parameters.period,
    parameters.last_day,
    parameters.local_now
  FROM parameters
  CROSS JOIN digits AS hundreds
  CROSS JOIN digits AS tens
  CROSS JOIN digits AS ones
),
periods AS (
  SELECT DISTINCT
    CAST(CASE period
      WHEN 'day' THEN date_trunc('day', day_start)
      WHEN 'week' THEN date_trunc('week', day_start)
      WHEN 'month' THEN date_trunc('month', day_start)
    END AS timestamp) AS local_period_start,
    period,
    last_day,
    local_now
  FROM days
  WHERE CAST(day_start AS date) <= last_day
),
period_ends AS (
  SELECT
    local_period_start,
    least(
      CASE period
        WHEN 'day' THEN local_period_start + INTERVAL '1' DAY
        WHEN 'week' THEN local_period_start + INTERVAL '7' DAY
        WHEN 'month' THEN local_period_start + INTERVAL '1' MONTH
      END,
      CAST(last_day AS timestamp) + INTERVAL '1' DAY,
      local_now) AS local_end
  FROM periods
  WHERE local_period_start < local_now
),
states AS (
  -- Each event's state holds from the event until the ticket's next event (local wall-clock times, which
  -- order like the instants: Asia/Shanghai has no daylight saving time).
  SELECT
    events.to_status,
    CAST(events.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    lead(CAST(events.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp))
      OVER (PARTITION BY events.ticket_id ORDER BY events.occurred_at, events.sequence) AS next_local_time,
    CAST(events.resolve_due_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_resolve_due,
    CASE parameters.dimension
      WHEN 'grid' THEN events.grid_id
      WHEN 'community' THEN events.community_id
      WHEN 'town' THEN events.town_id
      WHEN 'department' THEN CASE WHEN events.assignee_org_kind = 'DEPARTMENT' THEN events.assignee_org_id END
      WHEN 'category' THEN events.category
    END AS dimension_value
  FROM ticket_events_deduplicated AS events
  CROSS JOIN parameters
)
SELECT
  states.dimension_value,
  CAST(CAST(period_ends.local_period_start AS date) AS varchar) AS period_start,
  count(*) AS open_tickets,
  count(CASE WHEN states.local_resolve_due < period_ends.local_end THEN 1 END) AS overdue_tickets
FROM period_ends
JOIN states
  ON states.local_time < period_ends.local_end
  AND (states.next_local_time IS NULL OR states.next_local_time >= period_ends.local_end)
WHERE states.to_status IN ('REPORTED', 'DISPATCHED', 'ACCEPTED', 'RETURNED', 'ESCALATED', 'REOPENED')
  AND states.dimension_value IS NOT NULL
GROUP BY states.dimension_value, period_ends.local_period_start
ORDER BY period_start, states.dimension_value

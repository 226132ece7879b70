-- On-time rate per dimension value and period: of the tickets first resolved in the period, the share resolved by the
-- resolve-by time they were given at intake, and those of them reopened (analytics/README.md, "Fair definitions", 1
-- and 5). Athena (Trino) and DuckDB, unchanged. Parameters, in placeholder order: 1 dimension, 2 period, 3 first day,
-- 4 last day (local dates, inclusive), 5 freeze days.
-- A ticket's resolution is its first RESOLVED event: it counts in that event's period (Asia/Shanghai local time) and
-- under that event's dimension value, and a later reopening does not take it out. It is on time when it happened at or
-- before the ticket's original resolve-by time (that of its first event carrying one: a reopening's fresh due time
-- judges nothing here) and no SLA resolution miss (the sweeper's ESCALATED from ACCEPTED) is on record before it.
-- Reopened tickets are shown apart: those with a REOPENED before the period's end plus the freeze days. Tickets
-- without a due time (events written before due times existed) are left out.
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day,
    CAST(? AS integer) AS freeze_days
),
ordered AS (
  SELECT
    ticket_id,
    sequence,
    event_type,
    actor_role,
    from_status,
    occurred_at,
    resolve_due_at,
    grid_id,
    community_id,
    town_id,
    category,
    assignee_org_id,
    assignee_org_kind,
    row_number() OVER (PARTITION BY ticket_id, event_type ORDER BY occurred_at, sequence) AS occurrence
  FROM ticket_events_deduplicated
),
original_due AS (
  SELECT
    ticket_id,
    resolve_due_at,
    row_number() OVER (PARTITION BY ticket_id ORDER BY occurred_at, sequence) AS position
  FROM ticket_events_deduplicated
  WHERE resolve_due_at IS NOT NULL
),
resolutions AS (
  SELECT
    resolved.ticket_id,
    resolved.occurred_at,
    original_due.resolve_due_at,
    -- Local wall-clock time: Trino gives a zoned value and DuckDB a plain one; the cast makes both plain.
    CAST(resolved.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    CASE parameters.dimension
      WHEN 'grid' THEN resolved.grid_id
      WHEN 'community' THEN resolved.community_id
      WHEN 'town' THEN resolved.town_id
      WHEN 'department' THEN CASE WHEN resolved.assignee_org_kind = 'DEPARTMENT' THEN resolved.assignee_org_id END
      WHEN 'category' THEN resolved.category
    END AS dimension_value,
    parameters.period,
    parameters.first_day,
    parameters.last_day,
    parameters.freeze_days
  FROM ordered AS resolved
  JOIN original_due
    ON original_due.ticket_id = resolved.ticket_id
    AND original_due.position = 1
  CROSS JOIN parameters
  WHERE resolved.event_type = 'RESOLVED'
    AND resolved.occurrence = 1
),
later_steps AS (
  -- A ticket is reopened only after a resolution, so its first REOPENED follows its first RESOLVED.
  SELECT
    ticket_id,
    min(CASE WHEN event_type = 'ESCALATED' AND actor_role = 'SYSTEM' AND from_status = 'ACCEPTED' THEN occurred_at END)
      AS first_resolution_miss_at,
    min(CASE WHEN event_type = 'REOPENED' THEN occurred_at END) AS first_reopened_at
  FROM ticket_events_deduplicated
  GROUP BY ticket_id
),
periods AS (
  SELECT
    ticket_id,
    occurred_at,
    resolve_due_at,
    dimension_value,
    CAST(CASE period
      WHEN 'day' THEN date_trunc('day', local_time)
      WHEN 'week' THEN date_trunc('week', local_time)
      WHEN 'month' THEN date_trunc('month', local_time)
    END AS timestamp) AS local_period_start,
    period,
    freeze_days
  FROM resolutions
  WHERE CAST(local_time AS date) BETWEEN first_day AND last_day
    AND dimension_value IS NOT NULL
),
judged AS (
  SELECT
    periods.dimension_value,
    periods.local_period_start,
    periods.occurred_at <= periods.resolve_due_at
      AND (later_steps.first_resolution_miss_at IS NULL OR later_steps.first_resolution_miss_at >= periods.occurred_at) AS on_time,
    CAST(later_steps.first_reopened_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) < CASE periods.period
      WHEN 'day' THEN periods.local_period_start + INTERVAL '1' DAY
      WHEN 'week' THEN periods.local_period_start + INTERVAL '7' DAY
      WHEN 'month' THEN periods.local_period_start + INTERVAL '1' MONTH
    END + periods.freeze_days * INTERVAL '1' DAY AS reopened
  FROM periods
  JOIN later_steps
    ON later_steps.ticket_id = periods.ticket_id
)
-- Divisions on a double: Trino's integer division truncates, DuckDB's does not.
SELECT
  dimension_value,
  CAST(CAST(local_period_start AS date) AS varchar) AS period_start,
  count(*) AS resolved_tickets,
  count(CASE WHEN on_time THEN 1 END) AS on_time_tickets,
  CAST(count(CASE WHEN on_time THEN 1 END) AS double) / count(*) AS on_time_rate,
  count(CASE WHEN reopened THEN 1 END) AS reopened_tickets
FROM judged
GROUP BY dimension_value, local_period_start
ORDER BY period_start, dimension_value

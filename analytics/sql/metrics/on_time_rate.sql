-- On-time rate per dimension value and period: of the tickets resolved in the period, the share resolved by
-- their resolve-by time (analytics/README.md, "Metric files"). Athena (Trino) and DuckDB, unchanged.
-- Parameters, in placeholder order: 1 dimension, 2 period, 3 first day, 4 last day (local dates, inclusive).
-- A ticket's resolution is its last RESOLVED event, unless a REOPENED follows it (then it is open again);
-- it counts in that event's period (Asia/Shanghai local time) and under that event's dimension value, and is
-- on time when it happened at or before the resolve_due_at the event carries. Resolutions without a due time
-- (events written before due times existed) are left out.
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
    sequence,
    event_type,
    occurred_at,
    resolve_due_at,
    grid_id,
    community_id,
    town_id,
    category,
    assignee_org_id,
    assignee_org_kind,
    row_number() OVER (PARTITION BY ticket_id, event_type ORDER BY occurred_at DESC, sequence DESC) AS occurrence_from_last
  FROM ticket_events_deduplicated
  WHERE event_type IN ('RESOLVED', 'REOPENED')
),
resolutions AS (
  SELECT
    resolved.occurred_at,
    resolved.resolve_due_at,
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
    parameters.last_day
  FROM ordered AS resolved
  CROSS JOIN parameters
  LEFT JOIN ordered AS reopened
    ON reopened.ticket_id = resolved.ticket_id
    AND reopened.event_type = 'REOPENED'
    AND reopened.occurrence_from_last = 1
  WHERE resolved.event_type = 'RESOLVED'
    AND resolved.occurrence_from_last = 1
    AND resolved.resolve_due_at IS NOT NULL
    AND (reopened.sequence IS NULL OR reopened.sequence < resolved.sequence)
),
periods AS (
  SELECT
    dimension_value,
    CAST(CASE period
      WHEN 'day' THEN date_trunc('day', local_time)
      WHEN 'week' THEN date_trunc('week', local_time)
      WHEN 'month' THEN date_trunc('month', local_time)
    END AS timestamp) AS local_period_start,
    occurred_at <= resolve_due_at AS on_time
  FROM resolutions
  WHERE CAST(local_time AS date) BETWEEN first_day AND last_day
    AND dimension_value IS NOT NULL
)
-- Divisions on a double: Trino's integer division truncates, DuckDB's does not.
SELECT
  dimension_value,
  CAST(CAST(local_period_start AS date) AS varchar) AS period_start,
  count(*) AS resolved_tickets,
  count(CASE WHEN on_time THEN 1 END) AS on_time_tickets,
  CAST(count(CASE WHEN on_time THEN 1 END) AS double) / count(*) AS on_time_rate
FROM periods
GROUP BY dimension_value, local_period_start
ORDER BY period_start, dimension_value

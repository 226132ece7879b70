-- Return, escalation and reopen rates per dimension value and period, each charged to the organisation that held the
-- ticket and frozen by the period's freeze rule (analytics/README.md, "Fair definitions", 3).
-- Athena (Trino) and DuckDB, unchanged. Parameters (placeholders, in order): 1 dimension, 2 period, 3 first day,
-- 4 last day (local dates, inclusive), 5 freeze days.
-- A receipt is a DISPATCHED or ESCALATED event handing the ticket to a grid, community or department; it counts in its
-- own period (Asia/Shanghai local time) for the organisation it went to. The receipt is returned (escalated) when the
-- next hand-over of the ticket after it is a RETURNED (an ESCALATED, by hand or by the SLA sweeper) before the period's
-- end plus the freeze days: the escalation counts against the organisation it went away from. A resolution is a
-- RESOLVED event, in its own period, charged to the organisation that resolved it; it is reopened when a REOPENED
-- follows it before the next resolution and before the period's end plus the freeze days. Later events change no
-- figure of the period. Dimensions: grid and department are the holder of that kind; community is a community or one
-- of its grids; town is the town's dispatcher, its communities or its grids (a department's tickets are the
-- department's); category is the ticket's (when its holder is known).
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day,
    CAST(? AS integer) AS freeze_days
),
steps AS (
  -- Events that leave the status as it is (SUPERVISED, FLAGGED_OVERDUE) hand nothing over and resolve nothing.
  SELECT
    ticket_id,
    sequence,
    event_type,
    occurred_at,
    -- Local wall-clock time: Trino gives a zoned value and DuckDB a plain one; the cast makes both plain.
    CAST(occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    assignee_org_id,
    assignee_org_kind,
    community_id,
    town_id,
    category
  FROM ticket_events_deduplicated
  WHERE event_type NOT IN ('SUPERVISED', 'FLAGGED_OVERDUE')
),
charged AS (
  -- Receipts and resolutions with their holder, period and freeze cutoff.
  SELECT
    steps.ticket_id,
    steps.sequence,
    steps.event_type,
    CASE parameters.dimension
      WHEN 'grid' THEN CASE WHEN steps.assignee_org_kind = 'GRID' THEN steps.assignee_org_id END
      WHEN 'community' THEN CASE steps.assignee_org_kind
        WHEN 'COMMUNITY' THEN steps.assignee_org_id
        WHEN 'GRID' THEN steps.community_id
      END
      WHEN 'town' THEN CASE WHEN steps.assignee_org_kind IN ('TOWN', 'COMMUNITY', 'GRID') THEN steps.town_id END
      WHEN 'department' THEN CASE WHEN steps.assignee_org_kind = 'DEPARTMENT' THEN steps.assignee_org_id END
      WHEN 'category' THEN CASE WHEN steps.assignee_org_kind IS NOT NULL THEN steps.category END
    END AS dimension_value,
    CAST(CASE parameters.period
      WHEN 'day' THEN date_trunc('day', steps.local_time)
      WHEN 'week' THEN date_trunc('week', steps.local_time)
      WHEN 'month' THEN date_trunc('month', steps.local_time)
    END AS timestamp) AS local_period_start,
    parameters.period,
    parameters.freeze_days
  FROM steps
  CROSS JOIN parameters
  WHERE CAST(steps.local_time AS date) BETWEEN parameters.first_day AND parameters.last_day
    AND (steps.event_type = 'RESOLVED'
      OR (steps.event_type IN ('DISPATCHED', 'ESCALATED') AND steps.assignee_org_kind IN ('GRID', 'COMMUNITY', 'DEPARTMENT')))
),
cutoffs AS (
  SELECT
    ticket_id,
    sequence,
    event_type,
    dimension_value,
    local_period_start,
    CASE period
      WHEN 'day' THEN local_period_start + INTERVAL '1' DAY
      WHEN 'week' THEN local_period_start + INTERVAL '7' DAY
      WHEN 'month' THEN local_period_start + INTERVAL '1' MONTH
    END + freeze_days * INTERVAL '1' DAY AS local_cutoff
  FROM charged
  WHERE dimension_value IS NOT NULL
),
outcomes AS (
  -- What came next: the first of each step after the charged event (sequences follow time within a ticket).
  SELECT
    cutoffs.ticket_id,
    cutoffs.sequence,
    cutoffs.event_type,
    cutoffs.dimension_value,
    cutoffs.local_period_start,
    cutoffs.local_cutoff,
    min(CASE WHEN later.event_type = 'RETURNED' THEN later.sequence END) AS returned_sequence,
    min(CASE WHEN later.event_type = 'RETURNED' THEN later.local_time END) AS returned_at,
    min(CASE WHEN later.event_type = 'ESCALATED' THEN later.sequence END) AS escalated_sequence,
    min(CASE WHEN later.event_type = 'ESCALATED' THEN later.local_time END) AS escalated_at,
    min(CASE WHEN later.event_type = 'DISPATCHED' THEN later.sequence END) AS dispatched_sequence,
    min(CASE WHEN later.event_type = 'RESOLVED' THEN later.sequence END) AS resolved_sequence,
    min(CASE WHEN later.event_type = 'REOPENED' THEN later.sequence END) AS reopened_sequence,
    min(CASE WHEN later.event_type = 'REOPENED' THEN later.local_time END) AS reopened_at
  FROM cutoffs
  LEFT JOIN steps AS later
    ON later.ticket_id = cutoffs.ticket_id
    AND later.sequence > cutoffs.sequence
  GROUP BY cutoffs.ticket_id, cutoffs.sequence, cutoffs.event_type, cutoffs.dimension_value,
    cutoffs.local_period_start, cutoffs.local_cutoff
),
judged AS (
  -- 9223372036854775807 stands for "never": least() over nulls differs between the engines, so none is passed to it.
  SELECT
    dimension_value,
    local_period_start,
    event_type <> 'RESOLVED' AS receipt,
    event_type = 'RESOLVED' AS resolution,
    event_type <> 'RESOLVED' AND returned_at < local_cutoff
      AND returned_sequence < least(coalesce(escalated_sequence, 9223372036854775807), coalesce(dispatched_sequence, 9223372036854775807)) AS returned,
    event_type <> 'RESOLVED' AND escalated_at < local_cutoff
      AND escalated_sequence < least(coalesce(returned_sequence, 9223372036854775807), coalesce(dispatched_sequence, 9223372036854775807)) AS escalated,
    event_type = 'RESOLVED' AND reopened_at < local_cutoff
      AND reopened_sequence < coalesce(resolved_sequence, 9223372036854775807) AS reopened
  FROM outcomes
)
-- Divisions on a double: Trino's integer division truncates, DuckDB's does not.
SELECT
  dimension_value,
  CAST(CAST(local_period_start AS date) AS varchar) AS period_start,
  count(CASE WHEN receipt THEN 1 END) AS received_tickets,
  count(CASE WHEN returned THEN 1 END) AS returned_tickets,
  count(CASE WHEN escalated THEN 1 END) AS escalated_tickets,
  CAST(count(CASE WHEN returned THEN 1 END) AS double) / nullif(count(CASE WHEN receipt THEN 1 END), 0) AS return_rate,
  CAST(count(CASE WHEN escalated THEN 1 END) AS double) / nullif(count(CASE WHEN receipt THEN 1 END), 0) AS escalation_rate,
  count(CASE WHEN resolution THEN 1 END) AS resolved_tickets,
  count(CASE WHEN reopened THEN 1 END) AS reopened_tickets,
  CAST(count(CASE WHEN reopened THEN 1 END) AS double) / nullif(count(CASE WHEN resolution THEN 1 END), 0) AS reopen_rate
FROM judged
GROUP BY dimension_value, local_period_start
ORDER BY period_start, dimension_value

-- Time held per holder: how long tickets stayed in each state, charged to the organisation that held them in it,
-- per dimension value, period and state (analytics/README.md, "Fair definitions", 4). Athena (Trino) and DuckDB,
-- unchanged. Parameters, in placeholder order: 1 dimension, 2 period, 3 first day, 4 last day (local dates,
-- inclusive), 5 now (local wall-clock timestamp).
-- A stay begins with a step (any event but SUPERVISED and FLAGGED_OVERDUE, which leave the status as it is) and lasts
-- until the ticket's next step; its state is the step's status, its holder the step's assignee, or the town's
-- dispatcher while the ticket waits in the queue (REPORTED, RETURNED). A stay counts in the period in which it ended
-- (Asia/Shanghai local time), so a past period's figures stay as they are; a stay still running counts in now's period,
-- up to now (open_stays); what happened after now is not known yet. Closed states (EVALUATED, CLOSED, CANCELLED) are
-- no stay. Dimensions: grid and department are the holder of that kind; community is a community or one of its grids;
-- town is the town's dispatcher, its communities or its grids; category is the ticket's. Stays with no known holder
-- (events written before assignee kinds were carried) count nowhere.
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day,
    CAST(? AS timestamp) AS local_now
),
steps AS (
  SELECT
    ticket_id,
    to_status,
    occurred_at,
    lead(occurred_at) OVER (PARTITION BY ticket_id ORDER BY occurred_at, sequence) AS next_occurred_at,
    CASE
      WHEN assignee_org_kind IS NOT NULL THEN assignee_org_kind
      WHEN assignee_org_id IS NULL AND to_status IN ('REPORTED', 'RETURNED') THEN 'TOWN'
    END AS holder_kind,
    CASE
      WHEN assignee_org_kind IS NOT NULL THEN assignee_org_id
      WHEN assignee_org_id IS NULL AND to_status IN ('REPORTED', 'RETURNED') THEN town_id
    END AS holder_id,
    community_id,
    town_id,
    category
  FROM ticket_events_deduplicated
  WHERE event_type NOT IN ('SUPERVISED', 'FLAGGED_OVERDUE')
),
stays AS (
  SELECT
    steps.to_status AS state,
    CASE parameters.dimension
      WHEN 'grid' THEN CASE WHEN steps.holder_kind = 'GRID' THEN steps.holder_id END
      WHEN 'community' THEN CASE steps.holder_kind
        WHEN 'COMMUNITY' THEN steps.holder_id
        WHEN 'GRID' THEN steps.community_id
      END
      WHEN 'town' THEN CASE WHEN steps.holder_kind IN ('TOWN', 'COMMUNITY', 'GRID') THEN steps.town_id END
      WHEN 'department' THEN CASE WHEN steps.holder_kind = 'DEPARTMENT' THEN steps.holder_id END
      WHEN 'category' THEN CASE WHEN steps.holder_kind IS NOT NULL THEN steps.category END
    END AS dimension_value,
    -- Local wall-clock time: Trino gives a zoned value and DuckDB a plain one; the cast makes both plain.
    CAST(steps.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_start,
    least(coalesce(CAST(steps.next_occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp), parameters.local_now),
      parameters.local_now) AS local_end,
    coalesce(CAST(steps.next_occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp), parameters.local_now) >= parameters.local_now
      AS still_running,
    parameters.period,
    parameters.first_day,
    parameters.last_day,
    parameters.local_now
  FROM steps
  CROSS JOIN parameters
  WHERE steps.to_status NOT IN ('EVALUATED', 'CLOSED', 'CANCELLED')
),
durations AS (
  -- Milliseconds between local wall-clock times (Asia/Shanghai has no daylight saving time, so they are exact).
  SELECT
    dimension_value,
    state,
    CAST(CASE period
      WHEN 'day' THEN date_trunc('day', local_end)
      WHEN 'week' THEN date_trunc('week', local_end)
      WHEN 'month' THEN date_trunc('month', local_end)
    END AS timestamp) AS local_period_start,
    still_running,
    date_diff('millisecond', local_start, local_end) AS milliseconds
  FROM stays
  WHERE CAST(local_end AS date) BETWEEN first_day AND last_day
    AND local_start < local_now
    AND dimension_value IS NOT NULL
),
ranked AS (
  SELECT
    dimension_value,
    state,
    local_period_start,
    still_running,
    milliseconds,
    row_number() OVER (PARTITION BY dimension_value, state, local_period_start ORDER BY milliseconds) AS position,
    count(*) OVER (PARTITION BY dimension_value, state, local_period_start) AS stays
  FROM durations
)
-- Nearest rank, compared in integers (analytics/README.md, "Percentiles"); divisions on a double.
SELECT
  dimension_value,
  CAST(CAST(local_period_start AS date) AS varchar) AS period_start,
  state,
  stays,
  count(CASE WHEN still_running THEN 1 END) AS open_stays,
  CAST(sum(milliseconds) AS double) / 1000 AS total_seconds,
  CAST(min(CASE WHEN position * 100 >= stays * 50 THEN milliseconds END) AS double) / 1000 AS median_seconds,
  CAST(min(CASE WHEN position * 100 >= stays * 90 THEN milliseconds END) AS double) / 1000 AS p90_seconds
FROM ranked
GROUP BY dimension_value, state, local_period_start, stays
ORDER BY period_start, dimension_value, state

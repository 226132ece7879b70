-- Reopen, escalation and return rates per dimension value and period (analytics/README.md, "Metric files").
-- Athena (Trino) and DuckDB, unchanged. Parameters (placeholders, in order): 1 dimension, 2 period, 3 first day,
-- 4 last day (local dates, inclusive). The tickets of a period are those first REPORTED in it (Asia/Shanghai
-- local time); each rate is the share of them with at least one REOPENED, ESCALATED (by hand or by the SLA
-- sweeper) or RETURNED event so far. A ticket's dimension value is that of its latest event (where it is now);
-- an event that leaves the status as it is (SUPERVISED, FLAGGED_OVERDUE) carries the ticket's place and assignee as
-- they are, so being the latest moves no ticket. A FLAGGED_OVERDUE is not an escalation: only ESCALATED events count.
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day
),
tickets AS (
  SELECT
    ticket_id,
    min(CASE WHEN event_type = 'REPORTED' THEN occurred_at END) AS reported_at,
    count(CASE WHEN event_type = 'REOPENED' THEN 1 END) AS reopenings,
    count(CASE WHEN event_type = 'ESCALATED' THEN 1 END) AS escalations,
    count(CASE WHEN event_type = 'RETURNED' THEN 1 END) AS returns
  FROM ticket_events_deduplicated
  GROUP BY ticket_id
),
latest AS (
  SELECT
    ticket_id,
    grid_id,
    community_id,
    town_id,
    category,
    assignee_org_id,
    assignee_org_kind,
    row_number() OVER (PARTITION BY ticket_id ORDER BY occurred_at DESC, sequence DESC) AS recency
  FROM ticket_events_deduplicated
),
cohort AS (
  SELECT
    CASE parameters.dimension
      WHEN 'grid' THEN latest.grid_id
      WHEN 'community' THEN latest.community_id
      WHEN 'town' THEN latest.town_id
      WHEN 'department' THEN CASE WHEN latest.assignee_org_kind = 'DEPARTMENT' THEN latest.assignee_org_id END
      WHEN 'category' THEN latest.category
    END AS dimension_value,
    -- Local wall-clock time: Trino gives a zoned value and DuckDB a plain one; the cast makes both plain.
    CAST(tickets.reported_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    tickets.reopenings,
    tickets.escalations,
    tickets.returns,
    parameters.period,
    parameters.first_day,
    parameters.last_day
  FROM tickets
  JOIN latest
    ON latest.ticket_id = tickets.ticket_id
    AND latest.recency = 1
  CROSS JOIN parameters
  WHERE tickets.reported_at IS NOT NULL
),
periods AS (
  SELECT
    dimension_value,
    CAST(CASE period
      WHEN 'day' THEN date_trunc('day', local_time)
      WHEN 'week' THEN date_trunc('week', local_time)
      WHEN 'month' THEN date_trunc('month', local_time)
    END AS timestamp) AS local_period_start,
    reopenings,
    escalations,
    returns
  FROM cohort
  WHERE CAST(local_time AS date) BETWEEN first_day AND last_day
    AND dimension_value IS NOT NULL
)
-- Divisions on a double: Trino's integer division truncates, DuckDB's does not.
SELECT
  dimension_value,
  CAST(CAST(local_period_start AS date) AS varchar) AS period_start,
  count(*) AS reported_tickets,
  count(CASE WHEN reopenings > 0 THEN 1 END) AS reopened_tickets,
  count(CASE WHEN escalations > 0 THEN 1 END) AS escalated_tickets,
  count(CASE WHEN returns > 0 THEN 1 END) AS returned_tickets,
  CAST(count(CASE WHEN reopenings > 0 THEN 1 END) AS double) / count(*) AS reopen_rate,
  CAST(count(CASE WHEN escalations > 0 THEN 1 END) AS double) / count(*) AS escalation_rate,
  CAST(count(CASE WHEN returns > 0 THEN 1 END) AS double) / count(*) AS return_rate
FROM periods
GROUP BY dimension_value, local_period_start
ORDER BY period_start, dimension_value

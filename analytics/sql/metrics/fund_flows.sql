-- Money that followed the work, per dimension value and period (analytics/README.md, "Fund metrics"). Athena (Trino)
-- and DuckDB, unchanged. Amounts in whole fen (CNY).
-- Parameters, in placeholder order: 1 dimension, 2 period, 3 first day, 4 last day (local dates, inclusive).
-- Dimensions: grid (grid party groups' funds only), community, town, department (delegated tasks' funds only: the
-- department that delegated them) and category, which for money is its source: the fund kind (GRID_PARTY_GROUP_ACTIVITY,
-- COMMUNITY_WORK, SERVICE_THE_MASSES, DELEGATED_TASK, TOWN_PARTY_BUILDING, COUNTY_PARTY_BUILDING).
--   allocated_fen   ALLOCATED ledger entries (new money; transfers and carry-overs move money already counted)
--   reserved_fen    RESERVED ledger entries: what claims asked for, reserved at submission
--   approved_fen    claims' final approvals (APPROVED events: the sanctioned amount; a town approval above the
--                   county's threshold is not final)
--   paid_fen        SETTLED ledger entries; reversed_fen: REFUNDED ledger entries (money paid back)
--   utilisation_rate  (paid − reversed) / allocated of the same row, empty when nothing was allocated in it
--   tasks_funded    delegated tasks that received money (distinct tasks with an ALLOCATED entry)
--   claims_paid, median/p90_seconds_to_payment  submission → payment of the claims paid in the row, nearest rank
-- Each event counts in its period (Asia/Shanghai local time) under its account's dimension value.
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day
),
events AS (
  SELECT
    CASE parameters.dimension
      WHEN 'grid' THEN fund.grid_id
      WHEN 'community' THEN fund.community_id
      WHEN 'town' THEN fund.town_id
      WHEN 'department' THEN fund.department_id
      WHEN 'category' THEN fund.fund_kind
    END AS dimension_value,
    -- Local wall-clock time: Trino gives a zoned value and DuckDB a plain one; the cast makes both plain.
    CAST(fund.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    fund.record_kind,
    fund.event_type,
    fund.task_id,
    fund.amount_fen,
    fund.funded_change_fen,
    fund.reserved_change_fen,
    fund.paid_change_fen,
    fund.occurred_at,
    fund.submitted_at,
    parameters.period,
    parameters.first_day,
    parameters.last_day
  FROM fund_events_deduplicated AS fund
  CROSS JOIN parameters
),
periods AS (
  SELECT
    dimension_value,
    CAST(CASE period
      WHEN 'day' THEN date_trunc('day', local_time)
      WHEN 'week' THEN date_trunc('week', local_time)
      WHEN 'month' THEN date_trunc('month', local_time)
    END AS timestamp) AS local_period_start,
    record_kind,
    event_type,
    task_id,
    amount_fen,
    funded_change_fen,
    reserved_change_fen,
    paid_change_fen,
    occurred_at,
    submitted_at
  FROM events
  WHERE CAST(local_time AS date) BETWEEN first_day AND last_day
    AND dimension_value IS NOT NULL
),
sums AS (
  SELECT
    dimension_value,
    local_period_start,
    CAST(sum(CASE WHEN record_kind = 'LEDGER' AND event_type = 'ALLOCATED' THEN funded_change_fen ELSE 0 END) AS bigint) AS allocated_fen,
    CAST(sum(CASE WHEN record_kind = 'LEDGER' AND event_type = 'RESERVED' THEN reserved_change_fen ELSE 0 END) AS bigint) AS reserved_fen,
    CAST(sum(CASE WHEN record_kind = 'CLAIM' AND event_type = 'APPROVED' THEN amount_fen ELSE 0 END) AS bigint) AS approved_fen,
    CAST(sum(CASE WHEN record_kind = 'LEDGER' AND event_type = 'SETTLED' THEN paid_change_fen ELSE 0 END) AS bigint) AS paid_fen,
    CAST(sum(CASE WHEN record_kind = 'LEDGER' AND event_type = 'REFUNDED' THEN 0 - paid_change_fen ELSE 0 END) AS bigint) AS reversed_fen,
    count(DISTINCT CASE WHEN record_kind = 'LEDGER' AND event_type = 'ALLOCATED' THEN task_id END) AS tasks_funded
  FROM periods
  GROUP BY dimension_value, local_period_start
),
ranked AS (
  -- Milliseconds, as durations.sql measures: both engines are exact on millisecond timestamps.
  SELECT
    dimension_value,
    local_period_start,
    date_diff('millisecond', submitted_at, occurred_at) AS milliseconds,
    row_number() OVER (PARTITION BY dimension_value, local_period_start ORDER BY date_diff('millisecond', submitted_at, occurred_at)) AS position,
    count(*) OVER (PARTITION BY dimension_value, local_period_start) AS claims
  FROM periods
  WHERE record_kind = 'CLAIM'
    AND event_type = 'PAID'
),
payments AS (
  -- Nearest rank: the smallest position with position / n >= p, compared in integers.
  SELECT
    dimension_value,
    local_period_start,
    claims,
    min(CASE WHEN position * 100 >= claims * 50 THEN milliseconds END) AS median_milliseconds,
    min(CASE WHEN position * 100 >= claims * 90 THEN milliseconds END) AS p90_milliseconds
  FROM ranked
  GROUP BY dimension_value, local_period_start, claims
)
SELECT
  sums.dimension_value,
  CAST(CAST(sums.local_period_start AS date) AS varchar) AS period_start,
  sums.allocated_fen,
  sums.reserved_fen,
  sums.approved_fen,
  sums.paid_fen,
  sums.reversed_fen,
  CASE WHEN sums.allocated_fen > 0 THEN CAST(sums.paid_fen - sums.reversed_fen AS double) / sums.allocated_fen END AS utilisation_rate,
  sums.tasks_funded,
  coalesce(payments.claims, 0) AS claims_paid,
  CAST(payments.median_milliseconds AS double) / 1000 AS median_seconds_to_payment,
  CAST(payments.p90_milliseconds AS double) / 1000 AS p90_seconds_to_payment
FROM sums
LEFT JOIN payments
  ON payments.dimension_value = sums.dimension_value
  AND payments.local_period_start = sums.local_period_start
ORDER BY period_start, sums.dimension_value

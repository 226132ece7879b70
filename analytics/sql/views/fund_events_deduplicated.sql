-- fund_events with one row per event_id: delivery from the stream is at least once, and copies of one event are
-- identical (see ticket_events_deduplicated.sql for why dt leads the window's partition). Athena: a Glue view
-- (template.yaml, FundEventsDeduplicatedView); DuckDB: created by DuckDbQueryRunner after the base view.
SELECT
  event_id,
  record_kind,
  event_type,
  occurred_at,
  account_id,
  fund_kind,
  fiscal_year,
  holder_id,
  community_id,
  town_id,
  grid_id,
  task_id,
  department_id,
  claim_id,
  sequence,
  from_status,
  to_status,
  amount_fen,
  funded_change_fen,
  reserved_change_fen,
  paid_change_fen,
  purpose,
  served_kind,
  submitted_at,
  counterpart_account_id,
  actor_role,
  actor_org_id,
  dt
FROM (
  SELECT
    fund_events.*,
    row_number() OVER (PARTITION BY dt, event_id ORDER BY occurred_at) AS copy_number
  FROM fund_events
) AS numbered
WHERE copy_number = 1

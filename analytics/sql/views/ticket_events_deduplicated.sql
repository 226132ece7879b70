-- ticket_events with one row per event_id. Delivery from the stream is at least once, so the lake may hold
-- the same event in several objects (a redelivered batch, a backfill beside the stream's objects, a
-- compaction's new file before its originals are deleted). Copies of one event are identical, so which one is
-- kept does not matter; the order only makes the choice repeatable. Athena: a Glue view (template.yaml,
-- TicketEventsDeduplicatedView); DuckDB: created by DuckDbQueryRunner after the base view. The columns are
-- listed, not *, because a Glue view fixes its columns: a new LakeSchema column is added here too (a test checks).
-- dt leads the window's partition: copies of an event share its dt (the date of occurred_at), and a filter on a
-- window's partition column is pushed below the window, so `WHERE dt >= ...` on the view still prunes partitions.
SELECT
  event_id,
  ticket_id,
  sequence,
  event_type,
  from_status,
  to_status,
  occurred_at,
  actor_role,
  actor_org_id,
  grid_id,
  community_id,
  town_id,
  category,
  assignee_org_id,
  priority,
  accept_due_at,
  resolve_due_at,
  rating,
  assignee_org_kind,
  dt
FROM (
  SELECT
    ticket_events.*,
    row_number() OVER (PARTITION BY dt, event_id ORDER BY occurred_at, sequence) AS copy_number
  FROM ticket_events
) AS numbered
WHERE copy_number = 1

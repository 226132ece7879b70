-- party_events with one row per event_id (delivery is at least once; copies of an event are identical and share
-- its dt). Columns listed, as for ticket_events_deduplicated, because a Glue view fixes its columns.
SELECT
  event_id,
  record_kind,
  event_type,
  sequence,
  occurred_at,
  member_key,
  enrollee_kind,
  to_status,
  actor_role,
  actor_org_id,
  community_id,
  town_id,
  grid_id,
  previous_community_id,
  previous_grid_id,
  workplace_unit_id,
  activity_id,
  activity_kind,
  organiser_id,
  starts_at,
  ends_at,
  checked_in_at,
  checked_out_at,
  present_minutes,
  credited_minutes,
  certified_minutes,
  dt
FROM (
  SELECT
    party_events.*,
    row_number() OVER (PARTITION BY dt, event_id ORDER BY occurred_at, sequence) AS copy_number
  FROM party_events
) AS numbered
WHERE copy_number = 1

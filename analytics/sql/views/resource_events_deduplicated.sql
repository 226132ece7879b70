-- resource_events with one row per event_id (delivery is at least once; copies of one event are identical).
-- Athena: a Glue view (template.yaml, ResourceEventsDeduplicatedView); DuckDB: created after the base view. The
-- columns are listed because a Glue view fixes its columns: a new ResourceEventRow column is added here too.
SELECT
  event_id,
  subject,
  subject_id,
  sequence,
  event_type,
  occurred_at,
  actor_role,
  actor_org_id,
  item_type,
  item_id,
  resource_kind,
  town_id,
  community_id,
  grid_id,
  provider_org_id,
  provider_org_kind,
  small_wish,
  item_quantity,
  item_value_fen,
  published_at,
  claim_id,
  claimant_kind,
  claimant_org_id,
  member_count,
  claim_community_id,
  claim_grid_id,
  claim_quantity,
  claim_value_fen,
  claimed_at,
  rating,
  follow_up_outcome,
  funding_kind,
  funding_id,
  dt
FROM (
  SELECT
    resource_events.*,
    row_number() OVER (PARTITION BY dt, event_id ORDER BY occurred_at, sequence) AS copy_number
  FROM resource_events
) AS numbered
WHERE copy_number = 1

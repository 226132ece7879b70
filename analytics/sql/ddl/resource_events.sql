-- Athena (Glue) table over the lake's resource_events objects (offers, demands, claims, projects). Columns:
-- io.gridsteward.analytics.lake.ResourceEventRow (LakeSchema.RESOURCE_EVENTS). Partitions are projected from the key.
CREATE EXTERNAL TABLE IF NOT EXISTS resource_events (
  event_id string,
  subject string,
  subject_id string,
  sequence bigint,
  event_type string,
  occurred_at timestamp,
  actor_role string,
  actor_org_id string,
  item_type string,
  item_id string,
  resource_kind string,
  town_id string,
  community_id string,
  grid_id string,
  provider_org_id string,
  provider_org_kind string,
  small_wish int,
  item_quantity bigint,
  item_value_fen bigint,
  published_at timestamp,
  claim_id string,
  claimant_kind string,
  claimant_org_id string,
  member_count int,
  claim_community_id string,
  claim_grid_id string,
  claim_quantity bigint,
  claim_value_fen bigint,
  claimed_at timestamp,
  rating int,
  follow_up_outcome string,
  funding_kind string,
  funding_id string
)
PARTITIONED BY (dt string)
STORED AS PARQUET
LOCATION 's3://${LAKE_BUCKET}/resource_events/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '2024-01-01,NOW',
  'projection.dt.interval' = '1',
  'projection.dt.interval.unit' = 'DAYS',
  'storage.location.template' = 's3://${LAKE_BUCKET}/resource_events/dt=${dt}'
)

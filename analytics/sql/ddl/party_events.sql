-- Athena (Glue) table over the lake's party_events objects (enrolment and attendance steps of the party-member
-- context). Columns: io.gridsteward.analytics.lake.LakeSchema.PARTY_EVENTS. Partitions are projected from the key.
CREATE EXTERNAL TABLE IF NOT EXISTS party_events (
  event_id string,
  record_kind string,
  event_type string,
  sequence bigint,
  occurred_at timestamp,
  member_key string,
  enrollee_kind string,
  to_status string,
  actor_role string,
  actor_org_id string,
  community_id string,
  town_id string,
  grid_id string,
  previous_community_id string,
  previous_grid_id string,
  workplace_unit_id string,
  activity_id string,
  activity_kind string,
  organiser_id string,
  starts_at timestamp,
  ends_at timestamp,
  checked_in_at timestamp,
  checked_out_at timestamp,
  present_minutes bigint,
  credited_minutes bigint,
  certified_minutes bigint
)
PARTITIONED BY (dt string)
STORED AS PARQUET
LOCATION 's3://${LAKE_BUCKET}/party_events/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '2024-01-01,NOW',
  'projection.dt.interval' = '1',
  'projection.dt.interval.unit' = 'DAYS',
  'storage.location.template' = 's3://${LAKE_BUCKET}/party_events/dt=${dt}'
)

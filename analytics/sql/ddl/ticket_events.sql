-- Athena (Glue) table over the lake's ticket_events objects. Columns: io.gridsteward.analytics.lake.LakeSchema.
-- Partitions are projected from the key (dt=yyyy-MM-dd), so no MSCK REPAIR / ADD PARTITION is ever needed.
-- Columns are matched by name in the Parquet files (Athena's default for Parquet), so objects written before a
-- column existed read as null there. ${LAKE_BUCKET} is replaced by the deployment with the lake bucket's name.
CREATE EXTERNAL TABLE IF NOT EXISTS ticket_events (
  event_id string,
  ticket_id string,
  sequence bigint,
  event_type string,
  from_status string,
  to_status string,
  occurred_at timestamp,
  actor_role string,
  actor_org_id string,
  grid_id string,
  community_id string,
  town_id string,
  category string,
  assignee_org_id string,
  priority string,
  accept_due_at timestamp,
  resolve_due_at timestamp,
  rating int,
  assignee_org_kind string
)
PARTITIONED BY (dt string)
STORED AS PARQUET
LOCATION 's3://${LAKE_BUCKET}/ticket_events/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '2024-01-01,NOW',
  'projection.dt.interval' = '1',
  'projection.dt.interval.unit' = 'DAYS',
  'storage.location.template' = 's3://${LAKE_BUCKET}/ticket_events/dt=${dt}'
)

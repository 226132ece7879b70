-- Athena (Glue) table over the lake's fund_events objects: the fund context's ledger entries (record_kind LEDGER) and
-- claim steps (record_kind CLAIM), amounts in whole fen. Columns: io.gridsteward.analytics.lake.LakeSchema.FUND_EVENTS.
-- Partitions are projected from the key (dt=yyyy-MM-dd). ${LAKE_BUCKET} is replaced by the deployment.
CREATE EXTERNAL TABLE IF NOT EXISTS fund_events (
  event_id string,
  record_kind string,
  event_type string,
  occurred_at timestamp,
  account_id string,
  fund_kind string,
  fiscal_year int,
  holder_id string,
  community_id string,
  town_id string,
  grid_id string,
  task_id string,
  department_id string,
  claim_id string,
  sequence bigint,
  from_status string,
  to_status string,
  amount_fen bigint,
  funded_change_fen bigint,
  reserved_change_fen bigint,
  paid_change_fen bigint,
  purpose string,
  served_kind string,
  submitted_at timestamp,
  counterpart_account_id string,
  actor_role string,
  actor_org_id string
)
PARTITIONED BY (dt string)
STORED AS PARQUET
LOCATION 's3://${LAKE_BUCKET}/fund_events/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '2024-01-01,NOW',
  'projection.dt.interval' = '1',
  'projection.dt.interval.unit' = 'DAYS',
  'storage.location.template' = 's3://${LAKE_BUCKET}/fund_events/dt=${dt}'
)

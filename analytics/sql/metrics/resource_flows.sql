-- Resources moved down per dimension value, period and list (offers or demands): how many items were published and
-- what they were worth, how much was claimed, and how much was fulfilled (analytics/README.md, "Resource metrics").
-- Athena (Trino) and DuckDB, unchanged. Parameters, in placeholder order: 1 dimension, 2 period, 3 first day,
-- 4 last day (local dates, inclusive).
--   published: OFFER_PUBLISHED / DEMAND_PUBLISHED (a small wish counts when its community verified it), with the
--              item's whole value;
--   claimed:   CLAIMED, unless the claim was later declined (its quantity went back to the item), with the claim's
--              quantity and value;
--   fulfilled: PROJECT_COMPLETED, with its claim's quantity and value.
-- Each counts in the period (Asia/Shanghai local time) of its own event. Dimensions: community and grid are the
-- item's for publications (an offer has a community only when a community made it, a grid never) and the served
-- community's and grid's for claims and fulfilments; town is the item's pool; provider is who gives — an offer's
-- provider (unit, department or community), the organisation that claimed a demand (a unit, or a party group's
-- grid; members alone count under none).
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day
),
declined AS (
  SELECT DISTINCT claim_id
  FROM resource_events_deduplicated
  WHERE event_type = 'CLAIM_DECLINED'
),
flows AS (
  SELECT
    events.item_type,
    CASE WHEN events.event_type IN ('OFFER_PUBLISHED', 'DEMAND_PUBLISHED') THEN 'published'
         WHEN events.event_type = 'CLAIMED' THEN 'claimed'
         ELSE 'fulfilled'
    END AS flow,
    CASE WHEN events.event_type IN ('OFFER_PUBLISHED', 'DEMAND_PUBLISHED') THEN events.item_value_fen
         ELSE events.claim_value_fen
    END AS value_fen,
    CASE parameters.dimension
      WHEN 'community' THEN CASE WHEN events.claim_id IS NULL THEN events.community_id ELSE events.claim_community_id END
      WHEN 'grid' THEN CASE WHEN events.claim_id IS NULL THEN events.grid_id ELSE events.claim_grid_id END
      WHEN 'town' THEN events.town_id
      WHEN 'provider' THEN CASE WHEN events.item_type = 'OFFER' THEN events.provider_org_id ELSE events.claimant_org_id END
    END AS dimension_value,
    -- Local wall-clock time: Trino gives a zoned value and DuckDB a plain one; the cast makes both plain.
    CAST(events.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    parameters.period,
    parameters.first_day,
    parameters.last_day
  FROM resource_events_deduplicated AS events
  CROSS JOIN parameters
  LEFT JOIN declined
    ON declined.claim_id = events.claim_id
  WHERE events.event_type IN ('OFFER_PUBLISHED', 'DEMAND_PUBLISHED', 'CLAIMED', 'PROJECT_COMPLETED')
    AND (events.event_type <> 'CLAIMED' OR declined.claim_id IS NULL)
),
periods AS (
  SELECT
    dimension_value,
    item_type,
    flow,
    value_fen,
    CAST(CASE period
      WHEN 'day' THEN date_trunc('day', local_time)
      WHEN 'week' THEN date_trunc('week', local_time)
      WHEN 'month' THEN date_trunc('month', local_time)
    END AS timestamp) AS local_period_start
  FROM flows
  WHERE CAST(local_time AS date) BETWEEN first_day AND last_day
    AND dimension_value IS NOT NULL
)
SELECT
  dimension_value,
  CAST(CAST(local_period_start AS date) AS varchar) AS period_start,
  item_type,
  count(CASE WHEN flow = 'published' THEN 1 END) AS published,
  coalesce(sum(CASE WHEN flow = 'published' THEN value_fen END), 0) AS published_value_fen,
  count(CASE WHEN flow = 'claimed' THEN 1 END) AS claimed,
  coalesce(sum(CASE WHEN flow = 'claimed' THEN value_fen END), 0) AS claimed_value_fen,
  count(CASE WHEN flow = 'fulfilled' THEN 1 END) AS fulfilled,
  coalesce(sum(CASE WHEN flow = 'fulfilled' THEN value_fen END), 0) AS fulfilled_value_fen
FROM periods
GROUP BY dimension_value, local_period_start, item_type
ORDER BY period_start, dimension_value, item_type

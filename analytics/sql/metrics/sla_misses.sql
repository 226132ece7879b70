-- SLA misses counted against the responsible organisation, per dimension value, period and that organisation
-- (analytics/README.md, "Metric files"). Athena (Trino) and DuckDB, unchanged.
-- Parameters, in placeholder order: 1 dimension, 2 period, 3 first day, 4 last day (local dates, inclusive).
-- A miss is an event of the SLA sweeper (actor_role SYSTEM): an ESCALATED (a holder below the town missed its due
-- time and the ticket moved a level up) or a FLAGGED_OVERDUE (the town's dispatcher missed; nothing moves). Escalations
-- by hand are no miss. The responsible organisation is the ticket's holder just before the event: the town for a flag,
-- the assignee of the ticket's previous event (sequence - 1) for an escalation; an escalation whose previous event
-- carries no assignee kind (written before kinds were carried) counts against no organisation. What was missed follows
-- from the status the event found: ACCEPTED → resolution; REPORTED, RETURNED, or ESCALATED with the town holding it →
-- dispatch; otherwise (DISPATCHED, ESCALATED below the town, REOPENED) → acceptance.
-- A miss counts in the period of the sweeper's event (Asia/Shanghai local time). Dimensions grid, community and
-- department are the responsible organisation, when it is of that kind; town and category are the ticket's place,
-- with a row for each organisation that missed on the town's or category's tickets (the town's own row is its
-- dispatcher's misses).
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day
),
sweeps AS (
  SELECT
    missed.ticket_id,
    missed.from_status,
    missed.town_id,
    missed.category,
    -- Local wall-clock time: Trino gives a zoned value and DuckDB a plain one; the cast makes both plain.
    CAST(missed.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    -- A flag leaves the assignee as it is (empty or the town), so the town is named by the ticket's place.
    CASE WHEN missed.event_type = 'FLAGGED_OVERDUE' THEN missed.town_id ELSE previous.assignee_org_id END AS responsible_org_id,
    CASE WHEN missed.event_type = 'FLAGGED_OVERDUE' THEN 'TOWN' ELSE previous.assignee_org_kind END AS responsible_org_kind
  FROM ticket_events_deduplicated AS missed
  LEFT JOIN ticket_events_deduplicated AS previous
    ON previous.ticket_id = missed.ticket_id
    AND previous.sequence = missed.sequence - 1
  WHERE missed.actor_role = 'SYSTEM'
    AND missed.event_type IN ('ESCALATED', 'FLAGGED_OVERDUE')
),
misses AS (
  SELECT
    sweeps.ticket_id,
    sweeps.responsible_org_id,
    sweeps.responsible_org_kind,
    CASE
      WHEN sweeps.from_status = 'ACCEPTED' THEN 'resolution'
      WHEN sweeps.from_status IN ('REPORTED', 'RETURNED') THEN 'dispatch'
      WHEN sweeps.from_status = 'ESCALATED' AND sweeps.responsible_org_kind = 'TOWN' THEN 'dispatch'
      ELSE 'acceptance'
    END AS missed_step,
    CASE parameters.dimension
      WHEN 'grid' THEN CASE WHEN sweeps.responsible_org_kind = 'GRID' THEN sweeps.responsible_org_id END
      WHEN 'community' THEN CASE WHEN sweeps.responsible_org_kind = 'COMMUNITY' THEN sweeps.responsible_org_id END
      WHEN 'town' THEN sweeps.town_id
      WHEN 'department' THEN CASE WHEN sweeps.responsible_org_kind = 'DEPARTMENT' THEN sweeps.responsible_org_id END
      WHEN 'category' THEN sweeps.category
    END AS dimension_value,
    sweeps.local_time,
    parameters.period,
    parameters.first_day,
    parameters.last_day
  FROM sweeps
  CROSS JOIN parameters
  WHERE sweeps.responsible_org_id IS NOT NULL
    AND sweeps.responsible_org_kind IS NOT NULL
),
periods AS (
  SELECT
    dimension_value,
    CAST(CASE period
      WHEN 'day' THEN date_trunc('day', local_time)
      WHEN 'week' THEN date_trunc('week', local_time)
      WHEN 'month' THEN date_trunc('month', local_time)
    END AS timestamp) AS local_period_start,
    responsible_org_id,
    responsible_org_kind,
    ticket_id,
    missed_step
  FROM misses
  WHERE CAST(local_time AS date) BETWEEN first_day AND last_day
    AND dimension_value IS NOT NULL
)
SELECT
  dimension_value,
  CAST(CAST(local_period_start AS date) AS varchar) AS period_start,
  responsible_org_id,
  responsible_org_kind,
  count(*) AS misses,
  count(CASE WHEN missed_step = 'dispatch' THEN 1 END) AS dispatch_misses,
  count(CASE WHEN missed_step = 'acceptance' THEN 1 END) AS acceptance_misses,
  count(CASE WHEN missed_step = 'resolution' THEN 1 END) AS resolution_misses,
  count(DISTINCT ticket_id) AS missed_tickets
FROM periods
GROUP BY dimension_value, local_period_start, responsible_org_id, responsible_org_kind
ORDER BY period_start, dimension_value, responsible_org_kind, responsible_org_id

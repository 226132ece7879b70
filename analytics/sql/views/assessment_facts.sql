-- The facts the assessment (sql/metrics/assessment.sql) charges to organisations, one row each, as they follow from
-- the lake alone (no parameter): every receipt (a DISPATCHED or ESCALATED handing a ticket to a grid, community or
-- department) with whether and when the receiver accepted or returned it; every ticket with a resolve-by time, charged
-- to its holder when it was resolved or fell due, whichever came first ('due'); every resolution with whether and when
-- it was reopened; every rating with the time of the ticket's next one. The metric applies its parameters (the
-- range, the period, now, the freeze days) to these rows. charged_at is the instant the fact is charged at (the
-- metric cuts it into the county's local days); the other times are local wall-clock times (Asia/Shanghai). Athena: a Glue view (template.yaml, AssessmentFactsView),
-- expanded into the query; DuckDB: a table DuckDbQueryRunner recomputes whenever ticket_events loads, so a request
-- does not join every ticket's steps again. Athena (Trino) and DuckDB, unchanged; the columns are listed (a Glue view
-- fixes them: template.yaml lists them too, DeduplicatedViewTest holds the two equal).
WITH steps AS (
  -- Events that leave the status as it is (SUPERVISED, FLAGGED_OVERDUE) hand nothing over.
  SELECT
    ticket_id,
    sequence,
    event_type,
    actor_role,
    from_status,
    occurred_at,
    -- Local wall-clock time: Trino gives a zoned value and DuckDB a plain one; the cast makes both plain.
    CAST(occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    CAST(accept_due_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_accept_due,
    rating,
    CASE
      WHEN assignee_org_kind IS NOT NULL THEN assignee_org_kind
      WHEN assignee_org_id IS NULL AND to_status IN ('REPORTED', 'RETURNED') THEN 'TOWN'
    END AS holder_kind,
    CASE
      WHEN assignee_org_kind IS NOT NULL THEN assignee_org_id
      WHEN assignee_org_id IS NULL AND to_status IN ('REPORTED', 'RETURNED') THEN town_id
    END AS holder_id,
    community_id,
    town_id,
    category
  FROM ticket_events_deduplicated
  WHERE event_type NOT IN ('SUPERVISED', 'FLAGGED_OVERDUE')
),
later_steps AS (
  -- Per charged event (a receipt or a resolution), the first of each step after it (sequences follow time).
  SELECT
    charged.ticket_id,
    charged.sequence,
    min(CASE WHEN later.event_type = 'ACCEPTED' THEN later.sequence END) AS accepted_sequence,
    min(CASE WHEN later.event_type = 'ACCEPTED' THEN later.local_time END) AS accepted_at,
    min(CASE WHEN later.event_type = 'RETURNED' THEN later.sequence END) AS returned_sequence,
    min(CASE WHEN later.event_type = 'RETURNED' THEN later.local_time END) AS returned_at,
    min(CASE WHEN later.event_type IN ('DISPATCHED', 'ESCALATED') THEN later.sequence END) AS handed_on_sequence,
    min(CASE WHEN later.event_type = 'RESOLVED' THEN later.sequence END) AS resolved_sequence,
    min(CASE WHEN later.event_type = 'REOPENED' THEN later.sequence END) AS reopened_sequence,
    min(CASE WHEN later.event_type = 'REOPENED' THEN later.local_time END) AS reopened_at
  FROM steps AS charged
  LEFT JOIN steps AS later
    ON later.ticket_id = charged.ticket_id
    AND later.sequence > charged.sequence
  WHERE charged.event_type IN ('DISPATCHED', 'ESCALATED', 'RESOLVED')
  GROUP BY charged.ticket_id, charged.sequence
),
receipts AS (
  SELECT
    steps.ticket_id,
    steps.holder_kind,
    steps.holder_id,
    steps.community_id,
    steps.town_id,
    steps.category,
    steps.occurred_at AS charged_at,
    -- Accepted by the receiver while it held the ticket (before it was handed on or returned), within its limit.
    later_steps.accepted_sequence < least(coalesce(later_steps.returned_sequence, 9223372036854775807),
      coalesce(later_steps.handed_on_sequence, 9223372036854775807)) AS accepted,
    later_steps.accepted_at,
    steps.local_accept_due,
    -- Returned: the next hand-over after the receipt is the receiver's RETURNED.
    later_steps.returned_sequence < coalesce(later_steps.handed_on_sequence, 9223372036854775807) AS returned,
    later_steps.returned_at
  FROM steps
  JOIN later_steps
    ON later_steps.ticket_id = steps.ticket_id
    AND later_steps.sequence = steps.sequence
  WHERE steps.event_type IN ('DISPATCHED', 'ESCALATED')
    AND steps.holder_kind IN ('GRID', 'COMMUNITY', 'DEPARTMENT')
),
resolutions AS (
  SELECT
    steps.ticket_id,
    steps.holder_kind,
    steps.holder_id,
    steps.community_id,
    steps.town_id,
    steps.category,
    steps.occurred_at AS charged_at,
    later_steps.reopened_sequence < coalesce(later_steps.resolved_sequence, 9223372036854775807) AS reopened,
    later_steps.reopened_at
  FROM steps
  JOIN later_steps
    ON later_steps.ticket_id = steps.ticket_id
    AND later_steps.sequence = steps.sequence
  WHERE steps.event_type = 'RESOLVED'
),
tickets AS (
  -- Each ticket's original resolve-by time (its first event carrying one), first resolution and first resolution
  -- miss (the SLA sweeper's ESCALATED from ACCEPTED).
  SELECT
    ticket_id,
    min(CASE WHEN event_type = 'RESOLVED' THEN occurred_at END) AS first_resolved_at,
    min(CASE WHEN event_type = 'REOPENED' THEN occurred_at END) AS first_reopened_at,
    min(CASE WHEN event_type = 'ESCALATED' AND actor_role = 'SYSTEM' AND from_status = 'ACCEPTED' THEN occurred_at END)
      AS first_resolution_miss_at
  FROM ticket_events_deduplicated
  GROUP BY ticket_id
),
original_due AS (
  SELECT
    ticket_id,
    resolve_due_at,
    row_number() OVER (PARTITION BY ticket_id ORDER BY occurred_at, sequence) AS position
  FROM ticket_events_deduplicated
  WHERE resolve_due_at IS NOT NULL
),
due_tickets AS (
  SELECT
    tickets.ticket_id,
    original_due.resolve_due_at,
    tickets.first_resolved_at,
    tickets.first_reopened_at,
    tickets.first_resolution_miss_at,
    -- The moment the ticket was resolved or fell due, whichever came first: its holder then answers for it.
    CASE
      WHEN tickets.first_resolved_at IS NOT NULL AND tickets.first_resolved_at < original_due.resolve_due_at
        THEN tickets.first_resolved_at
      ELSE original_due.resolve_due_at
    END AS answered_at
  FROM tickets
  JOIN original_due
    ON original_due.ticket_id = tickets.ticket_id
    AND original_due.position = 1
),
due_holders AS (
  SELECT
    due_tickets.ticket_id,
    steps.holder_kind,
    steps.holder_id,
    steps.community_id,
    steps.town_id,
    steps.category,
    due_tickets.resolve_due_at AS charged_at,
    CAST(due_tickets.first_resolved_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS resolved_at,
    CAST(due_tickets.first_reopened_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS reopened_at,
    due_tickets.first_resolved_at <= due_tickets.resolve_due_at
      AND (due_tickets.first_resolution_miss_at IS NULL OR due_tickets.first_resolution_miss_at >= due_tickets.first_resolved_at)
      AS resolved_on_time,
    row_number() OVER (PARTITION BY due_tickets.ticket_id ORDER BY steps.occurred_at DESC, steps.sequence DESC) AS recency
  FROM due_tickets
  JOIN steps
    ON steps.ticket_id = due_tickets.ticket_id
    AND steps.occurred_at <= due_tickets.answered_at
),
ratings AS (
  -- Every rating, with the time of the ticket's next one: a rating counts in a period when no later rating of the
  -- ticket falls in the same period and range (analytics/README.md, "Fair definitions", 6); the metric decides.
  SELECT
    ticket_id,
    holder_kind,
    holder_id,
    community_id,
    town_id,
    category,
    occurred_at AS charged_at,
    rating,
    lead(local_time) OVER (PARTITION BY ticket_id ORDER BY occurred_at, sequence) AS next_rated_at
  FROM steps
  WHERE event_type = 'EVALUATED'
    AND rating IS NOT NULL
)
SELECT
  'receipt' AS fact, ticket_id, holder_kind, holder_id, community_id, town_id, category, charged_at,
  accepted, accepted AND accepted_at <= local_accept_due AS accepted_in_time, local_accept_due,
  CASE WHEN accepted THEN accepted_at END AS outcome_at,
  returned, returned_at, false AS resolved, false AS on_time, CAST(NULL AS timestamp) AS reopened_at,
  false AS reopened, CAST(NULL AS integer) AS rating, CAST(NULL AS timestamp) AS next_rated_at
FROM receipts
UNION ALL
SELECT 'due', ticket_id, holder_kind, holder_id, community_id, town_id, category, charged_at,
  CAST(NULL AS boolean), false, CAST(NULL AS timestamp), resolved_at, false, CAST(NULL AS timestamp),
  resolved_at IS NOT NULL, coalesce(resolved_on_time, false), reopened_at, reopened_at IS NOT NULL,
  CAST(NULL AS integer), CAST(NULL AS timestamp)
FROM due_holders
WHERE recency = 1
UNION ALL
SELECT 'resolution', ticket_id, holder_kind, holder_id, community_id, town_id, category, charged_at,
  CAST(NULL AS boolean), false, CAST(NULL AS timestamp), CAST(NULL AS timestamp), false, CAST(NULL AS timestamp),
  false, false, reopened_at, coalesce(reopened, false), CAST(NULL AS integer), CAST(NULL AS timestamp)
FROM resolutions
UNION ALL
SELECT 'rating', ticket_id, holder_kind, holder_id, community_id, town_id, category, charged_at,
  CAST(NULL AS boolean), false, CAST(NULL AS timestamp), CAST(NULL AS timestamp), false, CAST(NULL AS timestamp),
  false, false, CAST(NULL AS timestamp), false, rating, next_rated_at
FROM ratings

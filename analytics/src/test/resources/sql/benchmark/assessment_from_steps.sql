-- The assessment as it was before its facts became views/assessment_facts.sql: every request joins every ticket's
-- steps again. Kept only as EngineBenchmark's baseline (same parameters, same rows as metrics/assessment.sql).
-- The assessment per organisation and period (analytics/README.md, "Assessment"): the three rates (response,
-- resolution, satisfaction), on-time closure, return and redo rates, each with its count and a 95% Wilson interval;
-- the composite score with its formula; the rank among organisations of the dimension with the minimum count, and
-- the red and black lists. Athena (Trino) and DuckDB, unchanged. Parameters, in placeholder order: 1 dimension,
-- 2 period, 3 first day, 4 last day (local dates, inclusive), 5 now (local wall-clock timestamp), 6 freeze days,
-- 7 minimum tickets, 8 list size, 9 response weight, 10 resolution weight, 11 satisfaction weight, 12 basically
-- satisfied weight (weights as decimal text: sql/rules/assessment_rules.properties).
-- Every figure is charged to the organisation that held the ticket: a receipt (a DISPATCHED or ESCALATED handing it
-- to a grid, community or department) to its receiver, in the receipt's period; a due ticket to its holder when it
-- was resolved or fell due, whichever came first, in the period of its original resolve-by time; a resolution to its
-- resolver and a rating to the organisation holding the rated ticket, in their own periods (Asia/Shanghai local
-- time). Outcomes count up to the period's end plus the freeze days, so a published period does not change.
-- Dimensions: grid and department are that holder; community a community or one of its grids; town the town's
-- dispatcher, its communities or its grids; category the ticket's. Towns and departments are ranked apart, and their
-- black list is the bottom of both together; grids, communities and categories among themselves.
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day,
    CAST(? AS timestamp) AS local_now,
    CAST(? AS integer) AS freeze_days,
    CAST(? AS integer) AS minimum_tickets,
    CAST(? AS integer) AS list_size,
    CAST(? AS varchar) AS response_weight,
    CAST(? AS varchar) AS resolution_weight,
    CAST(? AS varchar) AS satisfaction_weight,
    CAST(? AS varchar) AS basically_satisfied_weight
),
kinds AS (
  -- The organisations ranked together: the dimension's own, and for towns and departments both (one black list).
  SELECT kinds.kind
  FROM (VALUES ('grid'), ('community'), ('town'), ('department'), ('category')) AS kinds (kind)
  CROSS JOIN parameters
  WHERE kinds.kind = parameters.dimension
    OR (parameters.dimension IN ('town', 'department') AND kinds.kind IN ('town', 'department'))
),
steps AS (
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
    steps.local_time AS local_charged_at,
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
    steps.local_time AS local_charged_at,
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
    CAST(due_tickets.resolve_due_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_charged_at,
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
  -- A ticket's rating in a period is its last evaluation with a rating in that period (analytics/README.md,
  -- "Fair definitions", 6).
  SELECT
    steps.ticket_id,
    steps.holder_kind,
    steps.holder_id,
    steps.community_id,
    steps.town_id,
    steps.category,
    steps.local_time AS local_charged_at,
    steps.rating,
    row_number() OVER (PARTITION BY steps.ticket_id, CAST(CASE parameters.period
      WHEN 'day' THEN date_trunc('day', steps.local_time)
      WHEN 'week' THEN date_trunc('week', steps.local_time)
      WHEN 'month' THEN date_trunc('month', steps.local_time)
    END AS timestamp)
      ORDER BY steps.occurred_at DESC, steps.sequence DESC) AS recency
  FROM steps
  CROSS JOIN parameters
  WHERE steps.event_type = 'EVALUATED'
    AND steps.rating IS NOT NULL
    AND CAST(steps.local_time AS date) BETWEEN parameters.first_day AND parameters.last_day
),
facts AS (
  SELECT 'receipt' AS fact, ticket_id, holder_kind, holder_id, community_id, town_id, category, local_charged_at,
    accepted AND accepted_at <= local_accept_due AS accepted_in_time,
    local_accept_due IS NOT NULL AND (accepted OR local_accept_due <= (SELECT local_now FROM parameters)) AS response_judged,
    CASE WHEN accepted THEN accepted_at END AS outcome_at,
    returned AS returned, returned_at, false AS resolved, false AS on_time, CAST(NULL AS timestamp) AS reopened_at,
    false AS reopened, CAST(NULL AS integer) AS rating
  FROM receipts
  UNION ALL
  SELECT 'due', ticket_id, holder_kind, holder_id, community_id, town_id, category, local_charged_at,
    false, false, resolved_at, false, CAST(NULL AS timestamp), resolved_at IS NOT NULL, coalesce(resolved_on_time, false),
    reopened_at, reopened_at IS NOT NULL, CAST(NULL AS integer)
  FROM due_holders
  WHERE recency = 1
    AND local_charged_at <= (SELECT local_now FROM parameters)
  UNION ALL
  SELECT 'resolution', ticket_id, holder_kind, holder_id, community_id, town_id, category, local_charged_at,
    false, false, CAST(NULL AS timestamp), false, CAST(NULL AS timestamp), false, false, reopened_at,
    coalesce(reopened, false), CAST(NULL AS integer)
  FROM resolutions
  UNION ALL
  SELECT 'rating', ticket_id, holder_kind, holder_id, community_id, town_id, category, local_charged_at,
    false, false, CAST(NULL AS timestamp), false, CAST(NULL AS timestamp), false, false, CAST(NULL AS timestamp),
    false, rating
  FROM ratings
  WHERE recency = 1
),
charged AS (
  SELECT
    kinds.kind,
    CASE kinds.kind
      WHEN 'grid' THEN CASE WHEN facts.holder_kind = 'GRID' THEN facts.holder_id END
      WHEN 'community' THEN CASE facts.holder_kind
        WHEN 'COMMUNITY' THEN facts.holder_id
        WHEN 'GRID' THEN facts.community_id
      END
      WHEN 'town' THEN CASE WHEN facts.holder_kind IN ('TOWN', 'COMMUNITY', 'GRID') THEN facts.town_id END
      WHEN 'department' THEN CASE WHEN facts.holder_kind = 'DEPARTMENT' THEN facts.holder_id END
      WHEN 'category' THEN CASE WHEN facts.holder_kind IS NOT NULL THEN facts.category END
    END AS dimension_value,
    CAST(CASE parameters.period
      WHEN 'day' THEN date_trunc('day', facts.local_charged_at)
      WHEN 'week' THEN date_trunc('week', facts.local_charged_at)
      WHEN 'month' THEN date_trunc('month', facts.local_charged_at)
    END AS timestamp) AS local_period_start,
    facts.*,
    parameters.period,
    parameters.freeze_days,
    parameters.basically_satisfied_weight
  FROM facts
  CROSS JOIN kinds
  CROSS JOIN parameters
  WHERE CAST(facts.local_charged_at AS date) BETWEEN parameters.first_day AND parameters.last_day
),
frozen AS (
  SELECT
    charged.*,
    CASE period
      WHEN 'day' THEN local_period_start + INTERVAL '1' DAY
      WHEN 'week' THEN local_period_start + INTERVAL '7' DAY
      WHEN 'month' THEN local_period_start + INTERVAL '1' MONTH
    END + freeze_days * INTERVAL '1' DAY AS local_cutoff
  FROM charged
  WHERE dimension_value IS NOT NULL
),
counts AS (
  -- Outcomes after the cutoff (the period's end plus the freeze days) do not count.
  SELECT
    kind,
    dimension_value,
    local_period_start,
    min(local_cutoff) AS local_cutoff,
    count(CASE WHEN fact = 'receipt' THEN 1 END) AS received_tickets,
    count(CASE WHEN fact = 'receipt' AND response_judged THEN 1 END) AS response_judged,
    count(CASE WHEN fact = 'receipt' AND accepted_in_time AND outcome_at < local_cutoff THEN 1 END) AS accepted_in_time,
    count(CASE WHEN fact = 'receipt' AND returned AND returned_at < local_cutoff THEN 1 END) AS returned_tickets,
    count(CASE WHEN fact = 'due' THEN 1 END) AS due_tickets,
    count(CASE WHEN fact = 'due' AND resolved AND outcome_at < local_cutoff THEN 1 END) AS resolved_tickets,
    count(CASE WHEN fact = 'due' AND on_time AND NOT (reopened AND reopened_at < local_cutoff) THEN 1 END) AS on_time_closures,
    count(CASE WHEN fact = 'resolution' THEN 1 END) AS resolutions,
    count(CASE WHEN fact = 'resolution' AND reopened AND reopened_at < local_cutoff THEN 1 END) AS reopened_resolutions,
    count(CASE WHEN fact = 'rating' THEN 1 END) AS rated_tickets,
    count(CASE WHEN fact = 'rating' AND rating = 5 THEN 1 END)
      + count(CASE WHEN fact = 'rating' AND rating = 4 THEN 1 END) * CAST(min(basically_satisfied_weight) AS double) AS satisfied
  FROM frozen
  GROUP BY kind, dimension_value, local_period_start
),
shares AS (
  SELECT
    counts.*,
    CASE WHEN response_judged > 0 THEN CAST(accepted_in_time AS double) / response_judged END AS response_rate,
    CASE WHEN received_tickets > 0 THEN CAST(returned_tickets AS double) / received_tickets END AS return_rate,
    CASE WHEN due_tickets > 0 THEN CAST(resolved_tickets AS double) / due_tickets END AS resolution_rate,
    CASE WHEN due_tickets > 0 THEN CAST(on_time_closures AS double) / due_tickets END AS on_time_closure_rate,
    CASE WHEN resolutions > 0 THEN CAST(reopened_resolutions AS double) / resolutions END AS redo_rate,
    CASE WHEN rated_tickets > 0 THEN CAST(satisfied AS double) / rated_tickets END AS satisfaction_rate
  FROM counts
),
rates AS (
  -- Wilson score interval at 95 % (z = 1.96, z² = 3.8416), constants written as doubles (a decimal literal is a DECIMAL
  -- in Trino and would be divided as one).
  SELECT
    shares.*,
    CASE WHEN response_judged > 0 THEN (response_rate + 3.8416E0 / (2 * response_judged)
      - 1.96E0 * sqrt(response_rate * (1 - response_rate) / response_judged + 3.8416E0 / (4 * response_judged * response_judged)))
      / (1 + 3.8416E0 / response_judged) END AS response_rate_low,
    CASE WHEN response_judged > 0 THEN (response_rate + 3.8416E0 / (2 * response_judged)
      + 1.96E0 * sqrt(response_rate * (1 - response_rate) / response_judged + 3.8416E0 / (4 * response_judged * response_judged)))
      / (1 + 3.8416E0 / response_judged) END AS response_rate_high,
    CASE WHEN received_tickets > 0 THEN (return_rate + 3.8416E0 / (2 * received_tickets)
      - 1.96E0 * sqrt(return_rate * (1 - return_rate) / received_tickets + 3.8416E0 / (4 * received_tickets * received_tickets)))
      / (1 + 3.8416E0 / received_tickets) END AS return_rate_low,
    CASE WHEN received_tickets > 0 THEN (return_rate + 3.8416E0 / (2 * received_tickets)
      + 1.96E0 * sqrt(return_rate * (1 - return_rate) / received_tickets + 3.8416E0 / (4 * received_tickets * received_tickets)))
      / (1 + 3.8416E0 / received_tickets) END AS return_rate_high,
    CASE WHEN due_tickets > 0 THEN (resolution_rate + 3.8416E0 / (2 * due_tickets)
      - 1.96E0 * sqrt(resolution_rate * (1 - resolution_rate) / due_tickets + 3.8416E0 / (4 * due_tickets * due_tickets)))
      / (1 + 3.8416E0 / due_tickets) END AS resolution_rate_low,
    CASE WHEN due_tickets > 0 THEN (resolution_rate + 3.8416E0 / (2 * due_tickets)
      + 1.96E0 * sqrt(resolution_rate * (1 - resolution_rate) / due_tickets + 3.8416E0 / (4 * due_tickets * due_tickets)))
      / (1 + 3.8416E0 / due_tickets) END AS resolution_rate_high,
    CASE WHEN due_tickets > 0 THEN (on_time_closure_rate + 3.8416E0 / (2 * due_tickets)
      - 1.96E0 * sqrt(on_time_closure_rate * (1 - on_time_closure_rate) / due_tickets + 3.8416E0 / (4 * due_tickets * due_tickets)))
      / (1 + 3.8416E0 / due_tickets) END AS on_time_closure_rate_low,
    CASE WHEN due_tickets > 0 THEN (on_time_closure_rate + 3.8416E0 / (2 * due_tickets)
      + 1.96E0 * sqrt(on_time_closure_rate * (1 - on_time_closure_rate) / due_tickets + 3.8416E0 / (4 * due_tickets * due_tickets)))
      / (1 + 3.8416E0 / due_tickets) END AS on_time_closure_rate_high,
    CASE WHEN resolutions > 0 THEN (redo_rate + 3.8416E0 / (2 * resolutions)
      - 1.96E0 * sqrt(redo_rate * (1 - redo_rate) / resolutions + 3.8416E0 / (4 * resolutions * resolutions)))
      / (1 + 3.8416E0 / resolutions) END AS redo_rate_low,
    CASE WHEN resolutions > 0 THEN (redo_rate + 3.8416E0 / (2 * resolutions)
      + 1.96E0 * sqrt(redo_rate * (1 - redo_rate) / resolutions + 3.8416E0 / (4 * resolutions * resolutions)))
      / (1 + 3.8416E0 / resolutions) END AS redo_rate_high,
    CASE WHEN rated_tickets > 0 THEN (satisfaction_rate + 3.8416E0 / (2 * rated_tickets)
      - 1.96E0 * sqrt(satisfaction_rate * (1 - satisfaction_rate) / rated_tickets + 3.8416E0 / (4 * rated_tickets * rated_tickets)))
      / (1 + 3.8416E0 / rated_tickets) END AS satisfaction_rate_low,
    CASE WHEN rated_tickets > 0 THEN (satisfaction_rate + 3.8416E0 / (2 * rated_tickets)
      + 1.96E0 * sqrt(satisfaction_rate * (1 - satisfaction_rate) / rated_tickets + 3.8416E0 / (4 * rated_tickets * rated_tickets)))
      / (1 + 3.8416E0 / rated_tickets) END AS satisfaction_rate_high
  FROM shares
),
scored AS (
  SELECT
    rates.*,
    100 * (CAST(parameters.response_weight AS double) * response_rate
      + CAST(parameters.resolution_weight AS double) * resolution_rate
      + CAST(parameters.satisfaction_weight AS double) * satisfaction_rate) AS score,
    received_tickets >= parameters.minimum_tickets
      AND response_rate IS NOT NULL AND resolution_rate IS NOT NULL AND satisfaction_rate IS NOT NULL AS ranked
  FROM rates
  CROSS JOIN parameters
),
ranks AS (
  -- rank(): ties share a rank and the next rank is skipped (1, 1, 3).
  SELECT
    scored.*,
    CASE WHEN ranked THEN rank() OVER (PARTITION BY kind, local_period_start, ranked ORDER BY score DESC) END AS position,
    CASE WHEN ranked THEN rank() OVER (PARTITION BY local_period_start, ranked ORDER BY score) END AS position_from_bottom,
    count(*) OVER (PARTITION BY kind, local_period_start, ranked) AS ranked_of_kind,
    count(*) OVER (PARTITION BY local_period_start, ranked) AS ranked_together
  FROM scored
)
SELECT
  ranks.dimension_value,
  CAST(CAST(ranks.local_period_start AS date) AS varchar) AS period_start,
  ranks.received_tickets,
  ranks.response_judged,
  ranks.accepted_in_time,
  ranks.response_rate,
  ranks.response_rate_low,
  ranks.response_rate_high,
  ranks.returned_tickets,
  ranks.return_rate,
  ranks.return_rate_low,
  ranks.return_rate_high,
  ranks.due_tickets,
  ranks.resolved_tickets,
  ranks.resolution_rate,
  ranks.resolution_rate_low,
  ranks.resolution_rate_high,
  ranks.on_time_closures,
  ranks.on_time_closure_rate,
  ranks.on_time_closure_rate_low,
  ranks.on_time_closure_rate_high,
  ranks.resolutions,
  ranks.reopened_resolutions,
  ranks.redo_rate,
  ranks.redo_rate_low,
  ranks.redo_rate_high,
  ranks.rated_tickets,
  ranks.satisfied,
  ranks.satisfaction_rate,
  ranks.satisfaction_rate_low,
  ranks.satisfaction_rate_high,
  ranks.score,
  ranks.ranked,
  ranks.position AS rank_in_kind,
  ranks.position_from_bottom AS rank_from_bottom,
  -- A list names at most the list size, and at most half of those ranked with it, so few organisations are not all listed.
  CASE
    WHEN ranks.position_from_bottom <= parameters.list_size AND 2 * ranks.position_from_bottom <= ranks.ranked_together THEN 'black'
    WHEN ranks.position <= parameters.list_size AND 2 * ranks.position <= ranks.ranked_of_kind THEN 'red'
  END AS listed,
  ranks.local_cutoff <= parameters.local_now AS frozen,
  'score = 100 × (' || parameters.response_weight || ' × response rate + ' || parameters.resolution_weight
    || ' × resolution rate + ' || parameters.satisfaction_weight || ' × satisfaction rate); satisfied = rating 5 + '
    || parameters.basically_satisfied_weight || ' × rating 4; ranked from ' || CAST(parameters.minimum_tickets AS varchar)
    || ' received tickets; red list: top ' || CAST(parameters.list_size AS varchar) || ' of each kind, black list: bottom '
    || CAST(parameters.list_size AS varchar) || ' of all ranked together, each at most half of those ranked; outcomes up to '
    || CAST(parameters.freeze_days AS varchar) || ' days after the period' AS formula
FROM ranks
CROSS JOIN parameters
WHERE ranks.kind = parameters.dimension
ORDER BY period_start, ranks.dimension_value

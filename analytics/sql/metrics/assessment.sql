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
-- The facts come from views/assessment_facts.sql, which needs no parameter: a Glue view on Athena, a table DuckDB
-- keeps with ticket_events; this file judges them as of now, the range and the period.
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
facts AS (
  -- The lake's facts (views/assessment_facts.sql) as of now: a receipt's response is judged once accepted or due by
  -- now, a ticket is due once its resolve-by time has passed; a rating counts in its period unless the ticket's next
  -- rating falls in the same period and by the last day.
  SELECT
    assessment_facts.fact,
    assessment_facts.ticket_id,
    assessment_facts.holder_kind,
    assessment_facts.holder_id,
    assessment_facts.community_id,
    assessment_facts.town_id,
    assessment_facts.category,
    -- Local wall-clock time: Trino gives a zoned value and DuckDB a plain one; the cast makes both plain.
    CAST(assessment_facts.charged_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_charged_at,
    assessment_facts.accepted_in_time,
    assessment_facts.fact = 'receipt' AND assessment_facts.local_accept_due IS NOT NULL
      AND (assessment_facts.accepted OR assessment_facts.local_accept_due <= parameters.local_now) AS response_judged,
    assessment_facts.outcome_at,
    assessment_facts.returned,
    assessment_facts.returned_at,
    assessment_facts.resolved,
    assessment_facts.on_time,
    assessment_facts.reopened_at,
    assessment_facts.reopened,
    assessment_facts.rating
  FROM assessment_facts
  CROSS JOIN parameters
  WHERE (assessment_facts.fact <> 'due'
      OR CAST(assessment_facts.charged_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) <= parameters.local_now)
    AND (assessment_facts.fact <> 'rating'
      OR assessment_facts.next_rated_at IS NULL
      OR CAST(assessment_facts.next_rated_at AS date) > parameters.last_day
      OR CAST(CASE parameters.period
        WHEN 'day' THEN date_trunc('day', assessment_facts.next_rated_at)
        WHEN 'week' THEN date_trunc('week', assessment_facts.next_rated_at)
        WHEN 'month' THEN date_trunc('month', assessment_facts.next_rated_at)
      END AS timestamp) <> CAST(CASE parameters.period
        WHEN 'day' THEN date_trunc('day', CAST(assessment_facts.charged_at AT TIME ZONE 'Asia/Shanghai' AS timestamp))
        WHEN 'week' THEN date_trunc('week', CAST(assessment_facts.charged_at AT TIME ZONE 'Asia/Shanghai' AS timestamp))
        WHEN 'month' THEN date_trunc('month', CAST(assessment_facts.charged_at AT TIME ZONE 'Asia/Shanghai' AS timestamp))
      END AS timestamp))
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

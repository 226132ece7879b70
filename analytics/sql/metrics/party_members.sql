-- Party members and units reported in (双报到) per dimension value at the end of each period, their half-yearly
-- report-in compliance, and the members meeting the yearly service-hours target. Athena (Trino) and DuckDB,
-- unchanged. Parameters (placeholders, in order): 1 dimension (grid, community, town; the others give no rows),
-- 2 period, 3 first day, 4 last day (local dates, inclusive, at most 1000 days apart), 5 now (local wall-clock
-- timestamp). Periods and their ends as in overdue_backlog.sql (Asia/Shanghai local time): a period is measured at the
-- earliest of the next period's start, the day after the last day, and now; periods not begun by now are not listed.
-- An enrollee's state at a moment is that of their latest enrolment event before it: its status, community, town and
-- group (grid). Reported in = CONFIRMED. Party members are IN_SERVICE_MEMBER and SCATTERED_MEMBER; SUNK_STAFF and
-- UNIT are counted apart (units have no grid). Compliant: a confirmed party member who reported (REPORTED_IN, RENEWED
-- or TRANSFERRED) in the half-year the period ends in (January-June, July-December: the deadlines 06-30 and 12-31 of
-- party-rules.csv). Meeting the target: a confirmed party member whose counted minutes (certified where there are,
-- else credited, each attendance as its latest event before the period's end says) for activities starting in the
-- period end's year reach the yearly target of party-rules.csv (rules CTE; PartyMetricsTest holds the two equal).
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day,
    CAST(? AS timestamp) AS local_now
),
rules AS (
  SELECT 50 AS yearly_target_hours
),
digits AS (
  SELECT digit FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS numbers (digit)
),
days AS (
  SELECT
    CAST(parameters.first_day AS timestamp) + (hundreds.digit * 100 + tens.digit * 10 + ones.digit) * INTERVAL '1' DAY AS day_start,
    parameters.period,
    parameters.last_day,
    parameters.local_now
  FROM parameters
  CROSS JOIN digits AS hundreds
  CROSS JOIN digits AS tens
  CROSS JOIN digits AS ones
),
periods AS (
  SELECT DISTINCT
    CAST(CASE period
      WHEN 'day' THEN date_trunc('day', day_start)
      WHEN 'week' THEN date_trunc('week', day_start)
      WHEN 'month' THEN date_trunc('month', day_start)
    END AS timestamp) AS local_period_start,
    period,
    last_day,
    local_now
  FROM days
  WHERE CAST(day_start AS date) <= last_day
),
period_ends AS (
  SELECT
    local_period_start,
    local_end,
    -- The half-year and the year the period's last moment lies in.
    CASE WHEN month(local_end - INTERVAL '1' SECOND) > 6
      THEN date_trunc('year', local_end - INTERVAL '1' SECOND) + INTERVAL '6' MONTH
      ELSE date_trunc('year', local_end - INTERVAL '1' SECOND)
    END AS half_year_start,
    date_trunc('year', local_end - INTERVAL '1' SECOND) AS year_start
  FROM (
    SELECT
      local_period_start,
      least(
        CASE period
          WHEN 'day' THEN local_period_start + INTERVAL '1' DAY
          WHEN 'week' THEN local_period_start + INTERVAL '7' DAY
          WHEN 'month' THEN local_period_start + INTERVAL '1' MONTH
        END,
        CAST(last_day AS timestamp) + INTERVAL '1' DAY,
        local_now) AS local_end
    FROM periods
    WHERE local_period_start < local_now
  ) AS ends
),
enrolment_steps AS (
  SELECT
    member_key,
    enrollee_kind,
    to_status,
    community_id,
    town_id,
    grid_id,
    event_type,
    CAST(occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_time,
    sequence
  FROM party_events_deduplicated
  WHERE record_kind = 'ENROLMENT'
),
states AS (
  SELECT
    period_ends.local_period_start,
    period_ends.local_end,
    period_ends.half_year_start,
    period_ends.year_start,
    enrolment_steps.member_key,
    enrolment_steps.enrollee_kind,
    enrolment_steps.to_status,
    enrolment_steps.community_id,
    enrolment_steps.town_id,
    enrolment_steps.grid_id,
    row_number() OVER (PARTITION BY period_ends.local_period_start, enrolment_steps.member_key
      ORDER BY enrolment_steps.local_time DESC, enrolment_steps.sequence DESC) AS recency
  FROM period_ends
  JOIN enrolment_steps
    ON enrolment_steps.local_time < period_ends.local_end
),
reports AS (
  SELECT DISTINCT
    period_ends.local_period_start,
    enrolment_steps.member_key
  FROM period_ends
  JOIN enrolment_steps
    ON enrolment_steps.local_time < period_ends.local_end
    AND enrolment_steps.local_time >= period_ends.half_year_start
  WHERE enrolment_steps.event_type IN ('REPORTED_IN', 'RENEWED', 'TRANSFERRED')
),
attendance_steps AS (
  SELECT
    period_ends.local_period_start,
    steps.member_key,
    steps.activity_id,
    coalesce(steps.certified_minutes, steps.credited_minutes) AS counted_minutes,
    row_number() OVER (PARTITION BY period_ends.local_period_start, steps.activity_id, steps.member_key
      ORDER BY steps.sequence DESC) AS recency
  FROM period_ends
  JOIN party_events_deduplicated AS steps
    ON steps.record_kind = 'ATTENDANCE'
    AND CAST(steps.occurred_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) < period_ends.local_end
    AND CAST(steps.starts_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) >= period_ends.year_start
),
hours AS (
  SELECT
    local_period_start,
    member_key,
    sum(counted_minutes) AS counted_minutes
  FROM attendance_steps
  WHERE recency = 1
  GROUP BY local_period_start, member_key
),
reported_in AS (
  SELECT
    CASE parameters.dimension
      WHEN 'grid' THEN states.grid_id
      WHEN 'community' THEN states.community_id
      WHEN 'town' THEN states.town_id
      -- People report in to places: no department or category of their own.
      WHEN 'department' THEN NULL
      WHEN 'category' THEN NULL
    END AS dimension_value,
    states.local_period_start,
    states.member_key,
    states.enrollee_kind IN ('IN_SERVICE_MEMBER', 'SCATTERED_MEMBER') AS party_member,
    states.enrollee_kind,
    reports.member_key IS NOT NULL AS compliant,
    coalesce(hours.counted_minutes, 0) >= rules.yearly_target_hours * 60 AS target_met
  FROM states
  CROSS JOIN parameters
  CROSS JOIN rules
  LEFT JOIN reports
    ON reports.local_period_start = states.local_period_start
    AND reports.member_key = states.member_key
  LEFT JOIN hours
    ON hours.local_period_start = states.local_period_start
    AND hours.member_key = states.member_key
  WHERE states.recency = 1
    AND states.to_status = 'CONFIRMED'
)
-- Divisions on a double: Trino's integer division truncates, DuckDB's does not.
SELECT
  dimension_value,
  CAST(CAST(local_period_start AS date) AS varchar) AS period_start,
  count(CASE WHEN party_member THEN 1 END) AS members_reported_in,
  count(CASE WHEN enrollee_kind = 'SUNK_STAFF' THEN 1 END) AS sunk_staff_reported_in,
  count(CASE WHEN enrollee_kind = 'UNIT' THEN 1 END) AS units_reported_in,
  count(CASE WHEN party_member AND compliant THEN 1 END) AS members_report_in_compliant,
  CASE WHEN count(CASE WHEN party_member THEN 1 END) = 0 THEN NULL
    ELSE CAST(count(CASE WHEN party_member AND compliant THEN 1 END) AS double) / count(CASE WHEN party_member THEN 1 END)
  END AS report_in_compliance,
  count(CASE WHEN party_member AND target_met THEN 1 END) AS members_meeting_target
FROM reported_in
WHERE dimension_value IS NOT NULL
GROUP BY dimension_value, local_period_start
ORDER BY period_start, dimension_value

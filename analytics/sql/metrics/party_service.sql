-- Party members' service per dimension value and period (双报到): check-ins, active people, auto-closed check-outs
-- and service hours of both ledgers, for party members and for sunk cadres (下沉干部) apart. Athena (Trino) and
-- DuckDB, unchanged. Parameters (placeholders, in order): 1 dimension (grid, community, town, or category: the
-- activity's kind; department gives no rows), 2 period, 3 first day, 4 last day (local dates, inclusive).
-- An attendance (one person at one activity) belongs to the period of its activity's start in Asia/Shanghai local
-- time, and to the activity's grid, community and town (a community's own activities have no grid). Its ledgers are
-- those of its latest event: credited minutes (check-in and check-out only, capped by the window, zero under the
-- county's presence share) and certified minutes (the organiser's correction, when there is one). Counted minutes
-- are the certified ones where there are, else the credited ones. Party members are IN_SERVICE_MEMBER and
-- SCATTERED_MEMBER; SUNK_STAFF are counted apart.
WITH parameters AS (
  SELECT
    CAST(? AS varchar) AS dimension,
    CAST(? AS varchar) AS period,
    CAST(? AS date) AS first_day,
    CAST(? AS date) AS last_day
),
steps AS (
  SELECT
    activity_id,
    member_key,
    enrollee_kind,
    grid_id,
    community_id,
    town_id,
    starts_at,
    credited_minutes,
    certified_minutes,
    event_type,
    activity_kind,
    row_number() OVER (PARTITION BY activity_id, member_key ORDER BY sequence DESC) AS recency,
    count(CASE WHEN event_type = 'AUTO_CHECKED_OUT' THEN 1 END) OVER (PARTITION BY activity_id, member_key) AS auto_closings
  FROM party_events_deduplicated
  WHERE record_kind = 'ATTENDANCE'
),
attendances AS (
  SELECT
    CASE parameters.dimension
      WHEN 'grid' THEN steps.grid_id
      WHEN 'community' THEN steps.community_id
      WHEN 'town' THEN steps.town_id
      -- No department organises activities; the category of an activity is its kind.
      WHEN 'department' THEN NULL
      WHEN 'category' THEN steps.activity_kind
    END AS dimension_value,
    -- Local wall-clock time: Trino gives a zoned value and DuckDB a plain one; the cast makes both plain.
    CAST(steps.starts_at AT TIME ZONE 'Asia/Shanghai' AS timestamp) AS local_start,
    steps.member_key,
    steps.enrollee_kind IN ('IN_SERVICE_MEMBER', 'SCATTERED_MEMBER') AS party_member,
    steps.enrollee_kind = 'SUNK_STAFF' AS sunk_staff,
    steps.credited_minutes,
    steps.certified_minutes,
    coalesce(steps.certified_minutes, steps.credited_minutes) AS counted_minutes,
    steps.auto_closings,
    parameters.period,
    parameters.first_day,
    parameters.last_day
  FROM steps
  CROSS JOIN parameters
  WHERE steps.recency = 1
),
periods AS (
  SELECT
    dimension_value,
    CAST(CASE period
      WHEN 'day' THEN date_trunc('day', local_start)
      WHEN 'week' THEN date_trunc('week', local_start)
      WHEN 'month' THEN date_trunc('month', local_start)
    END AS timestamp) AS local_period_start,
    member_key,
    party_member,
    sunk_staff,
    credited_minutes,
    certified_minutes,
    counted_minutes,
    auto_closings
  FROM attendances
  WHERE CAST(local_start AS date) BETWEEN first_day AND last_day
    AND dimension_value IS NOT NULL
)
-- Divisions on a double: Trino's integer division truncates, DuckDB's does not.
SELECT
  dimension_value,
  CAST(CAST(local_period_start AS date) AS varchar) AS period_start,
  count(*) AS check_ins,
  count(DISTINCT CASE WHEN party_member THEN member_key END) AS active_members,
  count(DISTINCT CASE WHEN sunk_staff THEN member_key END) AS active_sunk_staff,
  count(CASE WHEN auto_closings > 0 THEN 1 END) AS auto_closed_check_outs,
  CAST(coalesce(sum(CASE WHEN party_member THEN credited_minutes END), 0) AS double) / 60 AS member_credited_hours,
  CAST(coalesce(sum(CASE WHEN party_member THEN certified_minutes END), 0) AS double) / 60 AS member_certified_hours,
  CAST(coalesce(sum(CASE WHEN party_member THEN counted_minutes END), 0) AS double) / 60 AS member_counted_hours,
  CAST(coalesce(sum(CASE WHEN sunk_staff THEN credited_minutes END), 0) AS double) / 60 AS sunk_staff_credited_hours,
  CAST(coalesce(sum(CASE WHEN sunk_staff THEN certified_minutes END), 0) AS double) / 60 AS sunk_staff_certified_hours,
  CAST(coalesce(sum(CASE WHEN sunk_staff THEN counted_minutes END), 0) AS double) / 60 AS sunk_staff_counted_hours
FROM periods
GROUP BY dimension_value, local_period_start
ORDER BY period_start, dimension_value

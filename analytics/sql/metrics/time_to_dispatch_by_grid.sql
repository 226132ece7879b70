-- Time to dispatch per grid: for every ticket dispatched, the time from its first REPORTED event to its
-- first DISPATCHED event; per grid the number of such tickets and the exact nearest-rank median and
-- 90th percentile (see analytics/README.md). Written in the common subset of Athena (Trino) and DuckDB.
-- The grid is the one on the dispatch event (the grid that was responsible when it was dispatched).
WITH numbered_copies AS (
  -- Delivery is at least once: the same event may sit in several objects. Keep one copy per event_id.
  SELECT
    event_id,
    ticket_id,
    sequence,
    event_type,
    occurred_at,
    grid_id,
    row_number() OVER (PARTITION BY event_id ORDER BY occurred_at) AS copy_number
  FROM ticket_events
  WHERE event_type IN ('REPORTED', 'DISPATCHED')
),
numbered_occurrences AS (
  SELECT
    ticket_id,
    event_type,
    occurred_at,
    grid_id,
    row_number() OVER (PARTITION BY ticket_id, event_type ORDER BY occurred_at, sequence) AS occurrence
  FROM numbered_copies
  WHERE copy_number = 1
),
durations AS (
  -- Milliseconds, not date_diff('second', ...): DuckDB counts second boundaries crossed, Trino truncates
  -- the difference, and the two disagree on sub-second times. On millisecond timestamps both are exact.
  SELECT
    dispatched.grid_id,
    date_diff('millisecond', reported.occurred_at, dispatched.occurred_at) AS milliseconds
  FROM numbered_occurrences AS reported
  JOIN numbered_occurrences AS dispatched
    ON dispatched.ticket_id = reported.ticket_id
  WHERE reported.event_type = 'REPORTED'
    AND reported.occurrence = 1
    AND dispatched.event_type = 'DISPATCHED'
    AND dispatched.occurrence = 1
),
ranked AS (
  SELECT
    grid_id,
    milliseconds,
    row_number() OVER (PARTITION BY grid_id ORDER BY milliseconds) AS position,
    count(*) OVER (PARTITION BY grid_id) AS tickets
  FROM durations
)
-- Nearest rank: the value at position ceil(p * n), i.e. the smallest position with position / n >= p,
-- compared in integers (position * 100 >= n * percent) so no engine rounds a fraction differently.
SELECT
  grid_id,
  tickets,
  CAST(min(CASE WHEN position * 100 >= tickets * 50 THEN milliseconds END) AS double) / 1000 AS median_seconds,
  CAST(min(CASE WHEN position * 100 >= tickets * 90 THEN milliseconds END) AS double) / 1000 AS p90_seconds
FROM ranked
GROUP BY grid_id, tickets
ORDER BY grid_id

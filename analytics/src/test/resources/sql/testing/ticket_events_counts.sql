-- Rows and distinct events in the base table and in the deduplicated view (tests only).
SELECT
  (SELECT count(*) FROM ticket_events) AS table_rows,
  (SELECT count(DISTINCT event_id) FROM ticket_events) AS table_events,
  (SELECT count(*) FROM ticket_events_deduplicated) AS view_rows

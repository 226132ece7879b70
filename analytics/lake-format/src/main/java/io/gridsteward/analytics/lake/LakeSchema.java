package io.gridsteward.analytics.lake;

import static io.gridsteward.analytics.lake.LakeColumn.optional;
import static io.gridsteward.analytics.lake.LakeColumn.required;
import static io.gridsteward.analytics.lake.LakeType.INT32;
import static io.gridsteward.analytics.lake.LakeType.INT64;
import static io.gridsteward.analytics.lake.LakeType.STRING;
import static io.gridsteward.analytics.lake.LakeType.TIMESTAMP_MICROS_UTC;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The one definition of the lake's tables (docs/contracts.md, "Lake"). The lake writer builds its Parquet
 * schema from it, the DDL test checks the Athena DDL against it, the local engine types its empty views with it.
 * Nothing personal is stored: no names, phone numbers, addresses, user ids, coordinates or free text.
 */
public final class LakeSchema {

    /** Partition column of every table: the UTC date of the row's event time, in the key as {@code dt=yyyy-MM-dd}. */
    public static final String PARTITION_COLUMN = "dt";

    public static final LakeTable TICKET_EVENTS = new LakeTable(
            "ticket_events",
            List.of(
                    required("event_id", STRING),
                    required("ticket_id", STRING),
                    required("sequence", INT64),
                    required("event_type", STRING),
                    optional("from_status", STRING),
                    required("to_status", STRING),
                    required("occurred_at", TIMESTAMP_MICROS_UTC),
                    required("actor_role", STRING),
                    optional("actor_org_id", STRING),
                    required("grid_id", STRING),
                    required("community_id", STRING),
                    required("town_id", STRING),
                    required("category", STRING),
                    optional("assignee_org_id", STRING),
                    // Optional because older objects have no such columns: the engines
                    // read them by name and see nulls there (DuckDB union_by_name, Athena's Parquet by-name reads).
                    optional("priority", STRING),
                    optional("accept_due_at", TIMESTAMP_MICROS_UTC),
                    optional("resolve_due_at", TIMESTAMP_MICROS_UTC),
                    optional("rating", INT32),
                    // The kind of the assignee organisation (GRID, COMMUNITY, TOWN, DEPARTMENT), so the metrics can
                    // group by department without knowing organisation ids; empty in objects written before it.
                    optional("assignee_org_kind", STRING)),
            PARTITION_COLUMN);

    /**
     * The party-member context's events (双报到, 一人一档): enrolment steps and attendance steps, one row each. People
     * appear only as {@code member_key}, a one-way pseudonym of their id; no contact, reason or position.
     */
    public static final LakeTable PARTY_EVENTS = new LakeTable(
            "party_events",
            List.of(
                    required("event_id", STRING),
                    required("record_kind", STRING),
                    required("event_type", STRING),
                    required("sequence", INT64),
                    required("occurred_at", TIMESTAMP_MICROS_UTC),
                    required("member_key", STRING),
                    required("enrollee_kind", STRING),
                    optional("to_status", STRING),
                    required("actor_role", STRING),
                    optional("actor_org_id", STRING),
                    required("community_id", STRING),
                    required("town_id", STRING),
                    optional("grid_id", STRING),
                    optional("previous_community_id", STRING),
                    optional("previous_grid_id", STRING),
                    optional("workplace_unit_id", STRING),
                    optional("activity_id", STRING),
                    optional("activity_kind", STRING),
                    optional("organiser_id", STRING),
                    optional("starts_at", TIMESTAMP_MICROS_UTC),
                    optional("ends_at", TIMESTAMP_MICROS_UTC),
                    optional("checked_in_at", TIMESTAMP_MICROS_UTC),
                    optional("checked_out_at", TIMESTAMP_MICROS_UTC),
                    optional("present_minutes", INT64),
                    optional("credited_minutes", INT64),
                    optional("certified_minutes", INT64)),
            PARTITION_COLUMN);

    /** The fund context's ledger entries and claim steps (FundEventRow); amounts in whole fen. */
    public static final LakeTable FUND_EVENTS = new LakeTable(
            "fund_events",
            List.of(
                    required("event_id", STRING),
                    required("record_kind", STRING),
                    required("event_type", STRING),
                    required("occurred_at", TIMESTAMP_MICROS_UTC),
                    required("account_id", STRING),
                    required("fund_kind", STRING),
                    required("fiscal_year", INT32),
                    required("holder_id", STRING),
                    optional("community_id", STRING),
                    optional("town_id", STRING),
                    optional("grid_id", STRING),
                    optional("task_id", STRING),
                    optional("department_id", STRING),
                    optional("claim_id", STRING),
                    optional("sequence", INT64),
                    optional("from_status", STRING),
                    optional("to_status", STRING),
                    optional("amount_fen", INT64),
                    required("funded_change_fen", INT64),
                    required("reserved_change_fen", INT64),
                    required("paid_change_fen", INT64),
                    optional("purpose", STRING),
                    optional("served_kind", STRING),
                    optional("submitted_at", TIMESTAMP_MICROS_UTC),
                    optional("counterpart_account_id", STRING),
                    required("actor_role", STRING),
                    optional("actor_org_id", STRING)),
            PARTITION_COLUMN);

    /** The resource context's events (offers, demands, claims, projects): {@link ResourceEventRow}. */
    public static final LakeTable RESOURCE_EVENTS = ResourceEventRow.TABLE;

    public static final List<LakeTable> TABLES = List.of(TICKET_EVENTS, PARTY_EVENTS, FUND_EVENTS, RESOURCE_EVENTS);

    private static final DateTimeFormatter PARTITION_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private LakeSchema() {}

    /** The partition value of an event time: its date in UTC, {@code yyyy-MM-dd}. */
    public static String partitionValue(Instant occurredAt) {
        return PARTITION_DATE.format(LocalDate.ofInstant(occurredAt, ZoneOffset.UTC));
    }

    /**
     * The deterministic object key of one batch's rows of one partition, so that a retried batch overwrites:
     * {@code <table>/dt=<yyyy-MM-dd>/<shardId>-<firstSequenceNumber>-<lastSequenceNumber>.parquet}.
     */
    public static String objectKey(
            LakeTable table,
            String partitionValue,
            String shardId,
            String firstSequenceNumber,
            String lastSequenceNumber) {
        return table.keyPrefix() + PARTITION_COLUMN + "=" + partitionValue + "/" + shardId + "-" + firstSequenceNumber
                + "-" + lastSequenceNumber + ".parquet";
    }
}

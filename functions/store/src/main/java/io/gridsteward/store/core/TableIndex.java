package io.gridsteward.store.core;

/**
 * The table's global secondary indexes, overloaded by key prefix (see the README's access patterns). Every index
 * is sparse: an item appears in it only while it carries the index's key attributes.
 */
public enum TableIndex {
    /** Who has to act: {@code QUEUE#{town}} and {@code ASSIGNEE#{org}} by due time; {@code CHILDREN#{parent}}. */
    WORK("gsi1"),
    /** {@code REPORTER#{userId}} by report time. */
    REPORTER("gsi2"),
    /** {@code GRID#{gridId}} by status, then report time. */
    GRID("gsi3"),
    /** {@code DUE#{day}} by escalation due time: what the SLA sweeper reads. */
    DUE("gsi4");

    private final String indexName;

    TableIndex(String indexName) {
        this.indexName = indexName;
    }

    public String indexName() {
        return indexName;
    }

    public String partitionAttribute() {
        return indexName + "pk";
    }

    public String sortAttribute() {
        return indexName + "sk";
    }
}

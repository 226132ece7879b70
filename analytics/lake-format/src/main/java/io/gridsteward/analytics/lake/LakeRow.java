package io.gridsteward.analytics.lake;

import java.util.List;

/** One row of one lake table: each context's events have a table of their own. */
public interface LakeRow {

    LakeTable table();

    /** The column values in the table's column order; nulls where a nullable column is empty. */
    List<Object> values();

    /** The {@code dt} partition this row belongs to. */
    String partitionValue();
}

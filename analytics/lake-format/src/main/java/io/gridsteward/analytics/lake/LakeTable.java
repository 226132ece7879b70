package io.gridsteward.analytics.lake;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lake table: its name (also the first segment of its object keys), the columns stored in its Parquet
 * files, and its partition column, which lives only in the object key ({@code dt=yyyy-MM-dd}).
 */
public record LakeTable(String name, List<LakeColumn> columns, String partitionColumn) {

    public LakeTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionColumn, "partitionColumn");
        columns = List.copyOf(columns);
        var seen = new HashSet<String>();
        for (LakeColumn column : columns) {
            if (!seen.add(column.name())) {
                throw new IllegalArgumentException("duplicate column " + column.name() + " in lake table " + name);
            }
        }
        if (seen.contains(partitionColumn)) {
            throw new IllegalArgumentException(
                    "partition column " + partitionColumn + " must not be stored in the files");
        }
    }

    public Optional<LakeColumn> column(String columnName) {
        return columns.stream()
                .filter(column -> column.name().equals(columnName))
                .findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(LakeColumn::name).toList();
    }

    /** The key prefix of every object of this table, e.g. {@code ticket_events/}. */
    public String keyPrefix() {
        return name + "/";
    }
}

package io.gridsteward.analytics.metrics;

/**
 * What the metric files group by: the grid, community or town of the measured event, the county department it
 * is assigned to (an {@code assignee_org_id} starting with {@code dept-}), or the category.
 */
public enum Dimension implements ParameterName {
    GRID,
    COMMUNITY,
    TOWN,
    DEPARTMENT,
    CATEGORY;
}

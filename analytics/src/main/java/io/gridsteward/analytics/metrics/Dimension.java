package io.gridsteward.analytics.metrics;

/**
 * What the metric files group by: the grid, community or town of the measured event, the county department it
 * is assigned to (its {@code assignee_org_id} when its {@code assignee_org_kind} is {@code DEPARTMENT}; events
 * written before kinds were carried count under no department), or the category. The resource files group by
 * community, grid, town and provider; the ticket files know no provider (no rows), the resource files no department
 * or category.
 */
public enum Dimension implements ParameterName {
    GRID,
    COMMUNITY,
    TOWN,
    DEPARTMENT,
    CATEGORY,
    /** Resources: who gives — an offer's provider (unit, department, community), the organisation that claimed a demand. */
    PROVIDER;
}

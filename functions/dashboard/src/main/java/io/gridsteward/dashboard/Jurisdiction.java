package io.gridsteward.dashboard;

import io.gridsteward.analytics.metrics.Dimension;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.organisation.Organisation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The part of the county a dashboard answer may show: an organisation (the scope asked for, or the caller's own) and
 * everything below it. A row is shown only when the organisation its figures are about lies inside: the row's
 * dimension value (a grid, community, town, department or provider), or the responsible organisation a row of SLA
 * misses is charged to (a grid's misses on its town's tickets are the grid's).
 */
public record Jurisdiction(Organisation root, Set<String> organisationIds) {

    /** The columns that name the organisation a row is about, as the metric files spell them. */
    private static final List<String> ORGANISATION_COLUMNS = List.of("dimension_value", "responsible_org_id");

    public Jurisdiction {
        organisationIds = Set.copyOf(organisationIds);
    }

    /** {@code root} and what lies below it, from {@code subtree} (parents before children, {@code root} first). */
    static Jurisdiction below(Organisation root, List<Organisation> subtree) {
        Map<String, List<Organisation>> children = subtree.stream()
                .filter(organisation -> organisation.parentId().isPresent())
                .collect(Collectors.groupingBy(
                        organisation -> organisation.parentId().orElseThrow().value()));
        Set<String> ids = new java.util.HashSet<>();
        List<Organisation> level = List.of(root);
        while (!level.isEmpty()) {
            level.forEach(organisation -> ids.add(organisation.id().value()));
            level = level.stream()
                    .flatMap(parent -> children.getOrDefault(parent.id().value(), List.of()).stream())
                    .toList();
        }
        return new Jurisdiction(root, ids);
    }

    public boolean contains(String organisationId) {
        return organisationIds.contains(organisationId);
    }

    /** Categories are counted county-wide (the files group by one dimension at a time): only the whole county shows them. */
    public boolean isWholeCounty() {
        return root.kind() == OrganisationKind.COUNTY;
    }

    /** Whether a metric file's row (snake_case columns) is about an organisation inside. */
    public boolean shows(Dimension dimension, Map<String, Object> row) {
        return switch (dimension) {
            case GRID, COMMUNITY, TOWN, DEPARTMENT, PROVIDER ->
                ORGANISATION_COLUMNS.stream()
                        .map(row::get)
                        .anyMatch(value -> value instanceof String id && contains(id));
            case CATEGORY -> isWholeCounty();
        };
    }
}

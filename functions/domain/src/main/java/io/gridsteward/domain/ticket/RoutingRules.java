package io.gridsteward.domain.ticket;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.DataFiles;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Placement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who gets a ticket first, as data: lines of {@code category,gridId,assignee}. {@code gridId} is a grid's id or
 * {@code *} for every grid; a grid's own line wins over {@code *}. {@code assignee} is {@code GRID} (the ticket's
 * own grid team), {@code COMMUNITY} (its community) or an organisation id (a county department). A ticket with no
 * matching line waits in its town's dispatch queue.
 */
public final class RoutingRules {

    static final String BUNDLED_RESOURCE = "routing-rules.csv";
    private static final String ANY_GRID = "*";
    private static final String OWN_GRID = "GRID";
    private static final String OWN_COMMUNITY = "COMMUNITY";

    private final String version;
    private final Map<String, String> assignees;

    private RoutingRules(String version, Map<String, String> assignees) {
        this.version = version;
        this.assignees = Map.copyOf(assignees);
    }

    /** The rules shipped with the code ({@code io/gridsteward/domain/ticket/routing-rules.csv}). */
    public static RoutingRules bundled() {
        return parse(DataFiles.read(RoutingRules.class, BUNDLED_RESOURCE));
    }

    /** No rules: every ticket waits for the dispatcher. */
    public static RoutingRules none() {
        return new RoutingRules("none", Map.of());
    }

    public static RoutingRules parse(String text) {
        Map<String, String> assignees = new HashMap<>();
        String version = DataFiles.readTable(text, "routing", "category,gridId,assignee", cells -> {
            String category = new Category(cells.get(0)).code();
            String grid = cells.get(1);
            if (!grid.equals(ANY_GRID)) {
                new GridId(grid);
            }
            String assignee = cells.get(2);
            if (!assignee.equals(OWN_GRID) && !assignee.equals(OWN_COMMUNITY)) {
                new OrganisationId(assignee);
            }
            if (assignees.put(key(category, grid), assignee) != null) {
                throw new IllegalArgumentException("repeated " + category + "," + grid);
            }
        });
        return new RoutingRules(version, assignees);
    }

    public String version() {
        return version;
    }

    /** The first assignee of a ticket of this category in this place, when a rule names one. */
    public Optional<OrganisationId> firstAssignee(Category category, Placement placement) {
        requireNonNull(category, "category");
        requireNonNull(placement, "placement");
        return Optional.ofNullable(
                        assignees.get(key(category.code(), placement.grid().value())))
                .or(() -> Optional.ofNullable(assignees.get(key(category.code(), ANY_GRID))))
                .map(assignee -> switch (assignee) {
                    case OWN_GRID -> placement.grid().organisationId();
                    case OWN_COMMUNITY -> placement.community();
                    default -> new OrganisationId(assignee);
                });
    }

    private static String key(String category, String grid) {
        return category + "," + grid;
    }
}

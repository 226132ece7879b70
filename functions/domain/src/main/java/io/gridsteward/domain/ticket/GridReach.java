package io.gridsteward.domain.ticket;

import io.gridsteward.domain.core.FieldError;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far from its grid's centre a reported problem may lie. A grid is a few streets, so a point kilometres away
 * (a phone's (0, 0) before it has a fix, a pin dropped in the wrong town) is a mistake that would send the grid team
 * to the wrong place; a grid with no known centre accepts any point.
 */
public record GridReach(int maximumMetres) {

    /** The county's setting unless configured otherwise: 5 km, well beyond the largest demo grid. */
    public static final int DEFAULT_METRES = 5_000;

    public GridReach {
        if (maximumMetres < 1) {
            throw new IllegalArgumentException("a grid's reach is at least one metre: " + maximumMetres);
        }
    }

    /**
     * @throws ValidationException naming {@code location}, with {@code distanceMetres} and {@code maximumMetres} as data,
     *                             when the grid has a centre and {@code location} lies farther from it than the reach
     */
    public void requireWithin(Location location, Organisation grid) {
        grid.centre().ifPresent(centre -> {
            long distance = Math.round(centre.distanceMetresTo(location));
            if (distance > maximumMetres) {
                Map<String, Long> data = new LinkedHashMap<>();
                data.put("distanceMetres", distance);
                data.put("maximumMetres", (long) maximumMetres);
                throw new ValidationException(List.of(new FieldError(
                        "location",
                        "is %d m from the centre of grid %s; a report lies within %d m of its grid"
                                .formatted(distance, grid.id().value(), maximumMetres),
                        data)));
            }
        });
    }
}

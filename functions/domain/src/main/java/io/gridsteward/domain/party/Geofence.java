package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.ValidationException;

/** Where an activity takes place: a circle around a point, within which a check-in's position must lie. */
public record Geofence(Location centre, int radiusMetres) {

    public static final double EARTH_RADIUS_METRES = Location.EARTH_RADIUS_METRES;
    public static final int MINIMUM_RADIUS_METRES = 10;
    public static final int MAXIMUM_RADIUS_METRES = 5_000;

    public Geofence {
        requireNonNull(centre, "centre");
        if (radiusMetres < MINIMUM_RADIUS_METRES || radiusMetres > MAXIMUM_RADIUS_METRES) {
            throw ValidationException.of(
                    "radiusMetres", "must be %d to %d".formatted(MINIMUM_RADIUS_METRES, MAXIMUM_RADIUS_METRES));
        }
    }

    public boolean contains(Location position) {
        return distanceMetres(centre, position) <= radiusMetres;
    }

    /** The great-circle distance by the haversine formula, which stays accurate at the few metres a fence needs. */
    public static double distanceMetres(Location from, Location to) {
        return from.distanceMetresTo(to);
    }
}

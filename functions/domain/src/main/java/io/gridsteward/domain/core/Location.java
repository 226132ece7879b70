package io.gridsteward.domain.core;

import java.util.ArrayList;
import java.util.List;

/** A point in WGS 84 degrees. */
public record Location(double latitude, double longitude) {

    /** The mean Earth radius (IUGG), the usual sphere for the haversine formula. */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;

    public Location {
        List<FieldError> errors = new ArrayList<>();
        if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
            errors.add(new FieldError("latitude", "must be between -90 and 90"));
        }
        if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
            errors.add(new FieldError("longitude", "must be between -180 and 180"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The great-circle distance by the haversine formula, accurate to the few metres a geofence needs. */
    public double distanceMetresTo(Location other) {
        double latitudeFrom = Math.toRadians(latitude);
        double latitudeTo = Math.toRadians(other.latitude);
        double latitudeDelta = latitudeTo - latitudeFrom;
        double longitudeDelta = Math.toRadians(other.longitude - longitude);
        double haversine = Math.pow(Math.sin(latitudeDelta / 2), 2)
                + Math.cos(latitudeFrom) * Math.cos(latitudeTo) * Math.pow(Math.sin(longitudeDelta / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(haversine)));
    }
}

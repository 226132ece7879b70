package io.gridsteward.domain.core;

import java.util.ArrayList;
import java.util.List;

/** A point in WGS 84 degrees. */
public record Location(double latitude, double longitude) {

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
}

package io.gridsteward.domain.party;

import static io.gridsteward.domain.party.PartyFixture.CENTRE;
import static io.gridsteward.domain.party.PartyFixture.north;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.ValidationException;
import org.junit.jupiter.api.Test;

class GeofenceTest {

    private final Geofence fence = new Geofence(CENTRE, 100);

    @Test
    void oneMetreInsideIsInAndOneMetreOutsideIsOut() {
        assertThat(fence.contains(north(CENTRE, 99))).isTrue();
        assertThat(fence.contains(north(CENTRE, 101))).isFalse();
        assertThat(fence.contains(CENTRE)).isTrue();
    }

    @Test
    void eastWestDistancesShrinkWithLatitudeAsTheHaversineSays() {
        // One degree of longitude at 30°N is 111.2 km × cos 30° ≈ 96.3 km.
        double metres = Geofence.distanceMetres(new Location(30, 120), new Location(30, 121));
        assertThat(metres)
                .isCloseTo(
                        Math.toRadians(1) * Geofence.EARTH_RADIUS_METRES * Math.cos(Math.toRadians(30)), within(200.0));
        assertThat(Geofence.distanceMetres(new Location(0, 0), new Location(0, 1)))
                .isCloseTo(111_195.1, within(1.0));
    }

    @Test
    void aRadiusOutsideTheRangeNamesTheField() {
        assertThatThrownBy(() -> new Geofence(CENTRE, 5))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting("field")
                                .containsExactly("radiusMetres"));
    }
}

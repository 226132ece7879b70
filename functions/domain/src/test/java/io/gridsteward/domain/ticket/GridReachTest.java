package io.gridsteward.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import org.junit.jupiter.api.Test;

class GridReachTest {

    private static final Location CENTRE = new Location(30.25, 120.16);
    private static final Organisation GRID = Organisation.grid(
                    new OrganisationId("grid-reach"),
                    "Reach",
                    new OrganisationId("community-reach"),
                    new OrganisationId("town-reach"))
            .withCentre(CENTRE);
    private static final GridReach REACH = new GridReach(GridReach.DEFAULT_METRES);

    @Test
    void aPointFarFromItsGridIsRefusedWithTheDistanceAsData() {
        double expected = Location.EARTH_RADIUS_METRES
                * Math.acos(Math.cos(Math.toRadians(30.25)) * Math.cos(Math.toRadians(120.16)));

        assertThatThrownBy(() -> REACH.requireWithin(new Location(0, 0), GRID))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused -> assertThat(refused.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("location");
                            assertThat(error.data().get("distanceMetres")).isCloseTo(Math.round(expected), within(1L));
                            assertThat(error.data().get("maximumMetres")).isEqualTo(5_000L);
                            assertThat(error.message()).contains("grid-reach").contains("5000 m");
                        }));
    }

    @Test
    void theReachIsInclusiveAndMeasuredOnTheSphere() {
        double metresPerDegreeOfLatitude = Math.toRadians(1) * Location.EARTH_RADIUS_METRES;
        Location justInside = new Location(30.25 + 4_999 / metresPerDegreeOfLatitude, 120.16);
        Location justOutside = new Location(30.25 - 5_002 / metresPerDegreeOfLatitude, 120.16);

        assertThatCode(() -> REACH.requireWithin(justInside, GRID)).doesNotThrowAnyException();
        assertThatCode(() -> REACH.requireWithin(CENTRE, GRID)).doesNotThrowAnyException();
        assertThatThrownBy(() -> REACH.requireWithin(justOutside, GRID))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused -> assertThat(refused.errors().getFirst().data().get("distanceMetres"))
                                .isEqualTo(5_002L));
    }

    @Test
    void aGridWithoutAKnownCentreAcceptsAnyPoint() {
        Organisation unmapped = Organisation.grid(
                new OrganisationId("grid-unmapped"),
                "Unmapped",
                new OrganisationId("community-reach"),
                new OrganisationId("town-reach"));

        assertThatCode(() -> REACH.requireWithin(new Location(0, 0), unmapped)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new GridReach(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

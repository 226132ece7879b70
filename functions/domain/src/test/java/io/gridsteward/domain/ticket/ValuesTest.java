package io.gridsteward.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.FieldError;
import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Placement;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @ParameterizedTest
    @CsvSource({"-90, -180", "90, 180", "0, 0", "30.25, 120.16"})
    void locationsWithinRangeAreAccepted(double latitude, double longitude) {
        assertThat(new Location(latitude, longitude).latitude()).isEqualTo(latitude);
    }

    @ParameterizedTest
    @CsvSource({
        "90.0001, 0, latitude",
        "-90.5, 0, latitude",
        "NaN, 0, latitude",
        "0, 180.01, longitude",
        "0, -181, longitude",
        "0, Infinity, longitude"
    })
    void locationsOutOfRangeNameTheirField(double latitude, double longitude, String field) {
        assertThatThrownBy(() -> new Location(latitude, longitude))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting(FieldError::field)
                                .containsExactly(field));
    }

    @Test
    void bothCoordinatesOutOfRangeAreBothNamedUnderTheirParent() {
        FieldErrors errors = new FieldErrors();

        Location location = errors.value("location", () -> new Location(91, 181));

        assertThat(location).isNull();
        assertThat(errors.errors())
                .extracting(FieldError::field)
                .containsExactly("location.latitude", "location.longitude");
    }

    @Test
    void fieldErrorsCollectAcrossFieldsAndThrowThemTogether() {
        FieldErrors errors = new FieldErrors();

        Category category = errors.value("category", () -> new Category(""));
        Description description = errors.value("description", () -> new Description("fine"));
        errors.add("gridId", "is unknown");

        assertThat(category).isNull();
        assertThat(description).isEqualTo(new Description("fine"));
        assertThatThrownBy(errors::throwIfAny)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting(FieldError::field)
                                .containsExactly("category", "gridId"));
    }

    @Test
    void noErrorsThrowsNothing() {
        FieldErrors errors = new FieldErrors();
        errors.value("category", () -> new Category("streetlight"));

        errors.throwIfAny();

        assertThat(errors.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "Street Light", "路灯", "-leading-dash"})
    void categoriesAreLowerCaseCodes(String code) {
        assertThatThrownBy(() -> new Category(code)).isInstanceOf(ValidationException.class);
    }

    @Test
    void categoriesAreBounded() {
        assertThat(new Category("a".repeat(64)).code()).hasSize(64);
        assertThatThrownBy(() -> new Category("a".repeat(65))).isInstanceOf(ValidationException.class);
    }

    @Test
    void descriptionsAreRequiredAndBounded() {
        assertThat(new Description("路灯不亮了").text()).isEqualTo("路灯不亮了");
        assertThat(new Description("x".repeat(Description.MAXIMUM_LENGTH)).text())
                .hasSize(Description.MAXIMUM_LENGTH);
        assertThatThrownBy(() -> new Description(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Description(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Description("x".repeat(Description.MAXIMUM_LENGTH + 1)))
                .isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "TICKET#1", "has space", "-x", "a/b"})
    void identifiersKeepKeySeparatorsOut(String value) {
        assertThatThrownBy(() -> new TicketId(value)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new OrganisationId(value)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new GridId(value)).isInstanceOf(ValidationException.class);
    }

    @Test
    void identifiersAcceptUuidsAndCodes() {
        assertThat(new TicketId("0b0f6c1e-3a6b-4a43-9d55-2b8f7c0f2a10").value()).hasSize(36);
        assertThat(new OrganisationId("town:east.1_a").value()).isEqualTo("town:east.1_a");
        assertThatThrownBy(() -> new TicketId("a".repeat(129))).isInstanceOf(ValidationException.class);
    }

    @Test
    void staffCallersActForAnOrganisation() {
        assertThatThrownBy(() -> new Caller("user-1", Role.TOWN_DISPATCHER, Optional.empty()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting(FieldError::field)
                                .containsExactly("organisationId"));
        assertThatThrownBy(() -> Caller.resident(" ")).isInstanceOf(ValidationException.class);
        assertThat(Caller.staff("user-1", Role.GRID_WORKER, new OrganisationId("grid-1"))
                        .actsFor(new OrganisationId("grid-1")))
                .isTrue();
        assertThat(Caller.resident("user-2").actsFor(new OrganisationId("grid-1")))
                .isFalse();
    }

    @Test
    void organisationsKnowTheirAncestors() {
        OrganisationId county = new OrganisationId("county");
        OrganisationId town = new OrganisationId("town");
        OrganisationId community = new OrganisationId("community");
        Organisation grid = Organisation.grid(new OrganisationId("grid"), "Grid", community, town);

        assertThat(grid.placement()).contains(new Placement(new GridId("grid"), community, town));
        assertThat(grid.town()).contains(town);
        assertThat(Organisation.town(town, "Town", county).town()).contains(town);
        assertThat(Organisation.department(new OrganisationId("dept"), "Dept", county)
                        .town())
                .isEmpty();
        assertThat(Organisation.community(community, "Community", town).placement())
                .isEmpty();
    }

    @Test
    void organisationsRefuseAMissingOrInconsistentAncestry() {
        OrganisationId town = new OrganisationId("town");
        OrganisationId community = new OrganisationId("community");

        assertThatThrownBy(() -> new Organisation(
                        new OrganisationId("grid"),
                        OrganisationKind.GRID,
                        "Grid",
                        Optional.of(community),
                        Optional.empty(),
                        Optional.of(community),
                        Optional.empty()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting(FieldError::field)
                                .containsExactly("townId"));
        assertThatThrownBy(() -> new Organisation(
                        new OrganisationId("grid"),
                        OrganisationKind.GRID,
                        "Grid",
                        Optional.of(town),
                        Optional.of(town),
                        Optional.of(community),
                        Optional.empty()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting(FieldError::field)
                                .containsExactly("communityId"));
        assertThatThrownBy(() -> Organisation.county(new OrganisationId("county"), " "))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Organisation(
                        new OrganisationId("town"),
                        OrganisationKind.TOWN,
                        "Town",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "call me", "+86 138 0013 8000 1234 5678 9"})
    void phoneNumbersAreDigits(String value) {
        assertThatThrownBy(() -> new PhoneNumber(value)).isInstanceOf(ValidationException.class);
    }

    @Test
    void phoneNumbersDoNotPrintThemselves() {
        assertThat(new PhoneNumber("+86 138-0013-8000").toString()).doesNotContain("138");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../etc/passwd", "/leading-slash", "a b", "attachments/x/../y"})
    void photoKeysAreObjectKeys(String value) {
        assertThatThrownBy(() -> new PhotoKey(value)).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1})
    void ratingsAreOneToFive(int rating) {
        assertThatThrownBy(() -> new Evaluation(rating, Optional.empty()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting(FieldError::field)
                                .containsExactly("rating"));
    }

    @Test
    void systemIsNotIssuedToPeopleAndActsForNoOrganisation() {
        assertThat(Role.SYSTEM.isIssuedToPeople()).isFalse();
        assertThat(Caller.system().organisationId()).isEmpty();
        assertThat(Role.RESIDENT.isIssuedToPeople()).isTrue();
    }

    @Test
    void channelsFollowTheReportersRole() {
        assertThat(Channel.defaultFor(Role.RESIDENT)).contains(Channel.RESIDENT_APP);
        assertThat(Channel.defaultFor(Role.GRID_WORKER)).contains(Channel.GRID_PATROL);
        assertThat(Channel.defaultFor(Role.TOWN_DISPATCHER)).contains(Channel.HOTLINE);
        assertThat(Channel.defaultFor(Role.TOWN_SUPERVISOR)).contains(Channel.SUPERVISION);
        assertThat(Channel.defaultFor(Role.COUNTY_LEADER)).isEmpty();
        assertThat(Channel.defaultFor(Role.SYSTEM)).isEmpty();
        assertThat(Channel.HOTLINE.isOpenTo(Role.GRID_WORKER)).isTrue();
        assertThat(Channel.HOTLINE.isOpenTo(Role.RESIDENT)).isFalse();
        for (Role role : Role.values()) {
            Channel.defaultFor(role)
                    .ifPresent(channel ->
                            assertThat(channel.isOpenTo(role)).as(role.name()).isTrue());
        }
    }
}

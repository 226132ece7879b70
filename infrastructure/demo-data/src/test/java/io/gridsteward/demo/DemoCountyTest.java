package io.gridsteward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.organisation.Organisation;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCountyTest {
    private final DemoCounty county = load();

    private static DemoCounty load() {
        try {
            return DemoCounty.load();
        } catch (Exception failure) {
            throw new AssertionError(failure);
        }
    }

    @Test
    void theCountyHasTheAdvertisedShapeAndEveryOrganisationIsValid() {
        Map<OrganisationKind, Long> kinds = county.organisations().stream()
                .collect(Collectors.groupingBy(Organisation::kind, Collectors.counting()));

        assertThat(kinds)
                .containsEntry(OrganisationKind.COUNTY, 1L)
                .containsEntry(OrganisationKind.TOWN, 3L)
                .containsEntry(OrganisationKind.COMMUNITY, 12L)
                .containsEntry(OrganisationKind.GRID, 60L)
                .containsEntry(OrganisationKind.DEPARTMENT, 12L);
        assertThat(county.organisations())
                .extracting(organisation -> organisation.id().value())
                .doesNotHaveDuplicates();
    }

    @Test
    void everyDemoTicketIsInAKnownGridAndGoesToAnOrganisationThatHandlesTickets() {
        Map<String, Organisation> byId = county.organisations().stream()
                .collect(Collectors.toMap(organisation -> organisation.id().value(), Function.identity()));
        Set<String> userIds =
                county.users().stream().map(DemoCounty.User::userId).collect(Collectors.toSet());

        assertThat(county.tickets()).hasSize(12).allSatisfy(ticket -> {
            assertThat(byId.get(ticket.gridId())).extracting(Organisation::kind).isEqualTo(OrganisationKind.GRID);
            assertThat(userIds).contains(ticket.reporter());
            if (ticket.dispatchTo() != null) {
                assertThat(byId.get(ticket.dispatchTo()).kind().handlesTickets())
                        .isTrue();
            }
            assertThat(county.dispatcherOf(county.townOf(ticket.gridId())).organisationId())
                    .isEqualTo(county.townOf(ticket.gridId()));
        });
    }

    @Test
    void everyDemoUsersOrganisationExists() {
        Set<String> organisationIds = county.organisations().stream()
                .map(organisation -> organisation.id().value())
                .collect(Collectors.toSet());

        assertThat(county.users())
                .filteredOn(user -> user.organisationId() != null)
                .allSatisfy(user -> assertThat(organisationIds).contains(user.organisationId()));
    }
}

package io.gridsteward.domain.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoleTest {

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyStaffRoleActsForExactlyOneKindOfOrganisation(Role role) {
        // A party member is no staff but may name the community they reported in to.
        assertThat(role.organisationKind().isPresent())
                .as(role.name())
                .isEqualTo(role.isStaff() || role == Role.PARTY_MEMBER);
    }

    @Test
    void eachRoleActsForTheOrganisationsTheCountyAppointsItIn() {
        assertThat(Role.GRID_WORKER.organisationKind()).contains(OrganisationKind.GRID);
        assertThat(Role.GRID_PARTY_LEADER.organisationKind()).contains(OrganisationKind.GRID);
        assertThat(Role.COMMUNITY_SECRETARY.organisationKind()).contains(OrganisationKind.COMMUNITY);
        assertThat(Role.TOWN_DISPATCHER.organisationKind()).contains(OrganisationKind.TOWN);
        assertThat(Role.TOWN_SUPERVISOR.organisationKind()).contains(OrganisationKind.TOWN);
        assertThat(Role.DEPARTMENT_OFFICER.organisationKind()).contains(OrganisationKind.DEPARTMENT);
        assertThat(Role.COUNTY_LEADER.organisationKind()).contains(OrganisationKind.COUNTY);
        assertThat(Role.UNIT_OFFICER.organisationKind()).contains(OrganisationKind.UNIT);
        assertThat(Role.PARTY_MEMBER.organisationKind()).contains(OrganisationKind.COMMUNITY);
        assertThat(Role.RESIDENT.organisationKind()).isEqualTo(Optional.empty());
    }
}

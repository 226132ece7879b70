package io.gridsteward.domain.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    @Test
    void aStaffTokenDescribesItsRoleAndOrganisation() {
        Caller caller = TokenClaims.caller(
                Map.of("sub", "user-1", "custom:role", "TOWN_DISPATCHER", "custom:org_id", "town-east"));

        assertThat(caller).isEqualTo(Caller.staff("user-1", Role.TOWN_DISPATCHER, new OrganisationId("town-east")));
        assertThat(TokenClaims.caller(Map.of("sub", "user-2", "custom:role", "RESIDENT", "custom:org_id", " ")))
                .isEqualTo(new Caller("user-2", Role.RESIDENT, Optional.empty()));
    }

    @Test
    void claimsThatDescribeNobodyAreRefused() {
        Map<String, String> noUser = new HashMap<>(Map.of("custom:role", "RESIDENT"));
        assertRefused(noUser, "lacks the 'sub' or 'custom:role' claim");
        assertRefused(Map.of("sub", "user-1"), "lacks the 'sub' or 'custom:role' claim");
        assertRefused(
                Map.of("sub", "user-1", "custom:role", "county_leader", "custom:org_id", "county"),
                "names no known role");
        assertRefused(Map.of("sub", "user-1", "custom:role", "SYSTEM"), "names a role no token may carry");
        assertRefused(
                Map.of("sub", "user-1", "custom:role", "COUNTY_LEADER"),
                "organisationId: is required for the role COUNTY_LEADER");
        assertRefused(
                Map.of("sub", "user-1", "custom:role", "COUNTY_LEADER", "custom:org_id", "county#1"),
                "is not an organisation id");
    }

    private static void assertRefused(Map<String, String> claims, String reason) {
        assertThatThrownBy(() -> TokenClaims.caller(claims))
                .isInstanceOf(TokenClaims.InvalidClaimsException.class)
                .hasMessageContaining(reason);
    }
}

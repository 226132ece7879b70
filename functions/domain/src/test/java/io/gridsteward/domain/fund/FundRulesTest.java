package io.gridsteward.domain.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.Money;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FundRulesTest {

    private static final String LIMITS = """
            # version: test-1
            # kind,claimCeilingFen,countyApprovalAboveFen,claimExpiryDays
            GRID_PARTY_GROUP_ACTIVITY,1000,500,7
            """;
    private static final String PURPOSES = """
            # version: test-2
            GRID_PARTY_GROUP_ACTIVITY,party-activity,ALLOWED
            GRID_PARTY_GROUP_ACTIVITY,banquet,FORBIDDEN
            """;
    private static final String TASKS = """
            # version: test-3
            snow-clearing,Snow clearing
            """;

    @Test
    void theRulesAreReadFromTheirFilesWithTheirVersions() {
        FundRules rules = FundRules.parse(LIMITS, PURPOSES, TASKS);

        assertThat(rules.version()).isEqualTo("test-1/test-2/test-3");
        assertThat(rules.limitsFor(FundKind.GRID_PARTY_GROUP_ACTIVITY))
                .contains(new FundLimits(Money.ofFen(1000), Money.ofFen(500), Duration.ofDays(7)));
        assertThat(rules.limitsFor(FundKind.TOWN_PARTY_BUILDING)).isEmpty();
        assertThat(rules.requireAdmitted("snow-clearing")).isEqualTo("Snow clearing");
        assertThatThrownBy(() -> rules.requireAdmitted("elderly-care-visits")).hasMessageContaining("准入");
        rules.requireClaimable(FundKind.GRID_PARTY_GROUP_ACTIVITY, new Purpose("party-activity"), Money.ofFen(1000));
        assertThatThrownBy(() -> rules.requireClaimable(
                        FundKind.GRID_PARTY_GROUP_ACTIVITY, new Purpose("party-activity"), Money.ofFen(1001)))
                .hasMessageContaining("amountFen");
        assertThatThrownBy(() -> rules.requireClaimable(
                        FundKind.GRID_PARTY_GROUP_ACTIVITY, new Purpose("banquet"), Money.ofFen(1)))
                .hasMessageContaining("forbidden");
    }

    @Test
    void brokenFilesAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> FundRules.parse(LIMITS + "GRID_PARTY_GROUP_ACTIVITY,1,1,1\n", PURPOSES, TASKS))
                .hasMessageContaining("line 4")
                .hasMessageContaining("second line");
        assertThatThrownBy(() -> FundRules.parse(LIMITS.replace("1000", "-5"), PURPOSES, TASKS))
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> FundRules.parse(LIMITS.replace("# version: test-1\n", ""), PURPOSES, TASKS))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> FundRules.parse(LIMITS, PURPOSES.replace("ALLOWED", "MAYBE"), TASKS))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> FundRules.parse(LIMITS, "# version: x\n", TASKS))
                .hasMessageContaining("purposes");
    }

    @Test
    void theBundledRulesCoverEveryClaimableKind() {
        FundRules rules = FundRules.bundled();

        for (FundKind kind : FundKind.values()) {
            boolean claimable = switch (kind) {
                case GRID_PARTY_GROUP_ACTIVITY, COMMUNITY_WORK, SERVICE_THE_MASSES, DELEGATED_TASK -> true;
                case TOWN_PARTY_BUILDING, COUNTY_PARTY_BUILDING -> false;
            };
            assertThat(rules.limitsFor(kind).isPresent()).as(kind.name()).isEqualTo(claimable);
        }
    }
}

package io.gridsteward.domain.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.OrganisationId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;

class PartyRulesTest {

    private static final String RULES = """
            # version: test-1
            # county,rule,value
            *,timeZone,Asia/Shanghai
            *,reportInDeadlines,06-30 12-31
            *,yearlyTargetHours,50
            *,presenceShare,0.6
            *,checkInMargin,PT15M
            *,tokenValidity,PT30S
            *,passMark,60
            *,unitRateThreshold,0.95
            county-a,yearlyTargetHours,40
            county-a,reportInDeadlines,03-31 06-30 09-30 12-31
            """;
    private static final String POINTS = """
            # version: test-2
            # county,kind,pointsPerActivity,yearlyCap
            *,SERVICE,5,40
            *,PATROL,4,24
            *,MEETING,2,12
            *,VOLUNTEER_DUTY,5,40
            county-a,MEETING,3,15
            """;

    @Test
    void aCountysOwnLinesOverrideTheDefaults() {
        PartyRules own = PartyRules.parse(RULES, POINTS, new OrganisationId("county-a"));
        PartyRules other = PartyRules.parse(RULES, POINTS, new OrganisationId("county-b"));

        assertThat(own.version()).isEqualTo("test-1/test-2");
        assertThat(own.yearlyTargetHours()).isEqualTo(40);
        assertThat(own.reportInDeadlines()).hasSize(4).startsWith(MonthDay.of(3, 31));
        assertThat(own.pointsFor(ActivityKind.MEETING)).isEqualTo(new PointsRule(3, 15));
        assertThat(other.yearlyTargetHours()).isEqualTo(50);
        assertThat(other.pointsFor(ActivityKind.MEETING)).isEqualTo(new PointsRule(2, 12));
        assertThat(other.tokenValidity()).isEqualTo(Duration.ofSeconds(30));
        assertThat(other.presenceShare()).isEqualByComparingTo(new BigDecimal("0.6"));
    }

    @Test
    void pointsAreCappedPerKind() {
        assertThat(new PointsRule(4, 24).pointsFor(5)).isEqualTo(20);
        assertThat(new PointsRule(4, 24).pointsFor(7)).isEqualTo(24);
    }

    @Test
    void theBundledRulesLoadAndBrokenOnesNameTheirLine() {
        assertThat(PartyRules.bundled(new OrganisationId("county-qingshan")).passMark())
                .isEqualTo(60);
        assertThatThrownBy(
                        () -> PartyRules.parse(RULES.replace("*,passMark,60\n", ""), POINTS, new OrganisationId("x")))
                .hasMessageContaining("passMark");
        assertThatThrownBy(() -> PartyRules.parse(
                        RULES, POINTS.replace("*,PATROL,4,24", "*,PATROL,four,24"), new OrganisationId("x")))
                .hasMessageContaining("line 4");
        assertThatThrownBy(
                        () -> PartyRules.parse(RULES.replace("06-30 12-31", "06-30"), POINTS, new OrganisationId("x")))
                .hasMessageContaining("12-31");
    }
}

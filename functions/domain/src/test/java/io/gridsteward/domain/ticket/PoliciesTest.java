package io.gridsteward.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Placement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SLA policy and the routing rules are data files; these are the rules of reading them. */
class PoliciesTest {

    private static final Placement RIVER = new Placement(
            new GridId("grid-river-1"), new OrganisationId("community-river"), new OrganisationId("town-east"));

    @Test
    void aCategoryWithoutLinesTakesTheDefaultOfItsPriority() {
        SlaPolicy policy = SlaPolicy.parse("""
                # version: test-1
                *,URGENT,PT10M,PT1H
                *,HIGH,PT20M,PT2H
                *,NORMAL,PT30M,PT3H
                *,LOW,PT40M,PT4H
                water-leak,URGENT,PT5M,PT30M
                """);

        assertThat(policy.version()).isEqualTo("test-1");
        assertThat(policy.targetFor(new Category("water-leak"), Priority.URGENT))
                .isEqualTo(new SlaTarget(Duration.ofMinutes(5), Duration.ofMinutes(30)));
        assertThat(policy.targetFor(new Category("water-leak"), Priority.LOW))
                .isEqualTo(new SlaTarget(Duration.ofMinutes(40), Duration.ofHours(4)));
        assertThat(policy.targetFor(new Category("noise"), Priority.HIGH))
                .isEqualTo(new SlaTarget(Duration.ofMinutes(20), Duration.ofHours(2)));
    }

    @Test
    void aPolicyWithoutADefaultForEveryPriorityIsRefused() {
        assertThatThrownBy(() -> SlaPolicy.parse("# version: 1\n*,URGENT,PT10M,PT1H\n"))
                .hasMessageContaining("HIGH");
        assertThatThrownBy(() -> SlaPolicy.parse("*,URGENT,PT10M,PT1H\n")).hasMessageContaining("version");
        assertThatThrownBy(() -> SlaPolicy.parse("# version: 1\n*,URGENT,ten minutes,PT1H\n"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> SlaPolicy.parse("# version: 1\n*,URGENT,PT2H,PT1H\n"))
                .hasMessageContaining("line 2");
    }

    @Test
    void theBundledPolicyCoversEveryPriority() {
        SlaPolicy policy = SlaPolicy.bundled();

        for (Priority priority : Priority.values()) {
            assertThat(policy.targetFor(new Category("anything-else"), priority))
                    .isNotNull();
        }
        assertThat(policy.version()).isNotBlank();
    }

    @Test
    void aGridsOwnRuleWinsOverTheWildcard() {
        RoutingRules rules = RoutingRules.parse("""
                # version: test-1
                streetlight,*,GRID
                streetlight,grid-river-1,dept-power
                water-leak,*,COMMUNITY
                """);

        assertThat(rules.firstAssignee(new Category("streetlight"), RIVER)).contains(new OrganisationId("dept-power"));
        assertThat(rules.firstAssignee(
                        new Category("streetlight"),
                        new Placement(new GridId("grid-river-2"), RIVER.community(), RIVER.town())))
                .contains(new OrganisationId("grid-river-2"));
        assertThat(rules.firstAssignee(new Category("water-leak"), RIVER))
                .contains(new OrganisationId("community-river"));
        assertThat(rules.firstAssignee(new Category("noise"), RIVER)).isEmpty();
        assertThat(RoutingRules.none().firstAssignee(new Category("streetlight"), RIVER))
                .isEmpty();
    }

    @Test
    void malformedRoutingLinesAreRefusedWithTheirNumber() {
        assertThatThrownBy(() -> RoutingRules.parse("# version: 1\nstreetlight,*\n"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> RoutingRules.parse("# version: 1\nStreet Light,*,GRID\n"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> RoutingRules.parse("# version: 1\nstreetlight,*,GRID\nstreetlight,*,COMMUNITY\n"))
                .hasMessageContaining("line 3");
        assertThat(RoutingRules.bundled().firstAssignee(new Category("streetlight"), RIVER))
                .isEqualTo(Optional.of(RIVER.grid().organisationId()));
    }
}

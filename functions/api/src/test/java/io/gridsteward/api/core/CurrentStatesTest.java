package io.gridsteward.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.domain.fund.Claim;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 409 tells the loser of a race where the thing stands now, found by the kind the domain's exception names: every
 * context names its things apart, so one kind is one context's thing.
 */
@QuarkusTest
@WithTestResource(LocalTableResource.class)
class CurrentStatesTest {

    @Inject
    Instance<CurrentState> currentStates;

    @Test
    void everyKindNamesOneContextsThing() {
        List<String> kinds = currentStates.stream().map(CurrentState::kind).toList();

        assertThat(kinds).doesNotHaveDuplicates().contains("ticket", Claim.KIND, "claim", "enrolment", "offer");
    }
}

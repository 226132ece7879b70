package io.gridsteward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The dry request a SnapStart checkpoint sends really goes through the function: the page. */
@QuarkusTest
@QuarkusTestResource(LakeTestResource.class)
class SnapStartPrimingTest {

    @Inject
    SnapStartPriming priming;

    @Test
    void theDryRequestReachesThePage() {
        assertThat(priming.prime()).containsExactly(200);
    }
}

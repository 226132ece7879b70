package io.gridsteward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The dry requests a SnapStart checkpoint sends really go through the function: the page, and a metric request refused after the organisation lookup. */
@QuarkusTest
@QuarkusTestResource(LakeTestResource.class)
class SnapStartPrimingTest {

    @Inject
    SnapStartPriming priming;

    @Test
    void theDryRequestsReachThePageAndTheOrganisationLookup() {
        assertThat(priming.prime()).containsExactly(200, 403);
    }
}

package io.gridsteward.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The dry requests a SnapStart checkpoint sends really go through the function: a ticket read (404) and the OpenAPI document. */
@QuarkusTest
@WithTestResource(LocalTableResource.class)
class SnapStartPrimingTest {

    @Inject
    SnapStartPriming priming;

    @Test
    void theDryRequestsReachTheTableAndTheOpenApiDocument() {
        assertThat(priming.prime()).containsExactly(404, 200);
    }
}

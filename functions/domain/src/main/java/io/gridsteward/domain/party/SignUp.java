package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A place taken on an activity; the store writes it with the activity's counter, conditionally, in one transaction. */
public record SignUp(ActivityId activityId, EnrolleeId enrolleeId, EnrolleeKind kind, Instant signedUpAt) {

    public SignUp {
        requireNonNull(activityId, "activityId");
        requireNonNull(enrolleeId, "enrolleeId");
        requireNonNull(kind, "kind");
        signedUpAt = signedUpAt.truncatedTo(ChronoUnit.MILLIS);
    }
}

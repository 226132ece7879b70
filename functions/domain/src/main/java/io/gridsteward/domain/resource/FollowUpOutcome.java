package io.gridsteward.domain.resource;

/** What the community's follow-up visit found: the service was real, done for show (走过场), or not done at all. */
public enum FollowUpOutcome {
    CONFIRMED,
    TOKEN,
    NOT_DONE
}

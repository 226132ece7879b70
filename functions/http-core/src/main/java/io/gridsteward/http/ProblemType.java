package io.gridsteward.http;

import java.util.Locale;

/**
 * The kinds of RFC 9457 problems the HTTP API answers with, in every function; each has one status and one stable type
 * URI ({@code urn:grid-steward:problem:not-found}).
 */
public enum ProblemType {
    MALFORMED_REQUEST(400, "Malformed request"),
    UNAUTHENTICATED(401, "Not authenticated"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    ILLEGAL_TRANSITION(409, "Not allowed in its current state"),
    VERSION_CONFLICT(409, "Changed since it was read"),
    VALIDATION_FAILED(422, "Invalid request"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key reused for a different request"),
    INTERNAL_ERROR(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "urn:grid-steward:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package io.gridsteward.dashboard;

import java.util.Locale;

/**
 * The kinds of RFC 9457 problems the dashboards answer with, named as the api function names its own
 * ({@code urn:grid-steward:problem:not-found}): one problem format for the whole HTTP API.
 */
public enum ProblemType {
    MALFORMED_REQUEST(400, "Malformed request"),
    UNAUTHENTICATED(401, "Not authenticated"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
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

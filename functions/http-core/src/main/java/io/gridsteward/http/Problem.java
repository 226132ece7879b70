package io.gridsteward.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gridsteward.domain.core.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem document, one shape for every HTTP function. {@code errors} names every offending field or
 * parameter (empty when none is at fault); {@code currentStatus} and {@code currentVersion} tell a client that lost a
 * race where the thing now stands.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        String currentStatus,
        Long currentVersion) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String instance, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, List.copyOf(errors), null, null);
    }

    public Problem withCurrentState(String status, long version) {
        return new Problem(type, title, this.status, detail, instance, errors, status, version);
    }
}

package io.gridsteward.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.domain.core.FieldError;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.util.Map;

/** A problem's {@code errors[]} entry shows {@code data} only when the error carries figures (a distance and its limit). */
@Singleton
public class ProblemJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(FieldError.class, FieldErrorData.class);
    }

    private abstract static class FieldErrorData {

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract Map<String, Long> data();
    }
}

package io.gridsteward.api.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.domain.core.FieldError;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void anUnknownMemberIsNamedAndOneWithAnEmptyNameIsNamedAsTheEmptyString() {
        JsonFields fields = JsonFields.parse(
                MAPPER, "{\"category\":\"streetlight\",\"isAdmin\":true,\"\":1,\"location\":{\"\":2}}");
        fields.requiredObject("location").rejectFieldsOtherThan(Set.of("latitude", "longitude"));
        fields.rejectFieldsOtherThan(Set.of("category", "location"));

        ApiException refused = catchThrowableOfType(ApiException.class, fields::throwIfMalformed);

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("location.\"\"", "isAdmin", "\"\"");
    }
}

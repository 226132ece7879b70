package io.gridsteward.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.domain.core.FieldError;
import io.gridsteward.http.HeaderScreening.HttpFieldRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 9110's field syntax as the screening applies it; the functions' own tests send such events through the layer. */
class HeaderScreeningTest {

    @Test
    void aControlCharacterInAValueNamesTheHeader() {
        for (String control : List.of("\u0000", "\u0001", "\u001b", "\n", "\u007f")) {
            assertThat(HttpFieldRules.errors(Map.of("x-note", "a" + control + "b"), List.of()))
                    .containsExactly(new FieldError("x-note", "holds a control character"));
        }
    }

    @Test
    void aHorizontalTabAndPrintableCharactersPass() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-note", "a\tb ~!");
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("x-empty", null);

        assertThat(HttpFieldRules.errors(headers, List.of("session=abc"))).isEmpty();
        assertThat(HttpFieldRules.errors(null, null)).isEmpty();
    }

    @Test
    void aNameThatIsNotATokenIsShownEscaped() {
        assertThat(HttpFieldRules.errors(Map.of("x note\u0001", "value"), List.of()))
                .containsExactly(new FieldError("x note\\u0001", "is not a valid header name"));
        assertThat(HttpFieldRules.errors(Map.of("", "value"), List.of()))
                .containsExactly(new FieldError("", "is not a valid header name"));
    }

    @Test
    void aControlCharacterInACookieNamesTheCookie() {
        assertThat(HttpFieldRules.errors(Map.of(), List.of("fine=1", "bad=\u0007")))
                .containsExactly(new FieldError("cookie", "holds a control character"));
    }

    @Test
    void everyProblemTypeHasItsOwnUri() {
        assertThat(ProblemType.NOT_FOUND.uri()).isEqualTo("urn:grid-steward:problem:not-found");
        assertThat(List.of(ProblemType.values()))
                .extracting(ProblemType::uri)
                .doesNotHaveDuplicates()
                .allMatch(uri -> uri.matches("urn:grid-steward:problem:[a-z-]+"));
    }
}

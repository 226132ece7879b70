package io.gridsteward.api.core;

import static io.gridsteward.api.core.Requests.POTHOLE;
import static io.gridsteward.api.core.Requests.RESIDENT;
import static io.gridsteward.api.core.Requests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.http.ProblemType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A header HTTP does not allow is refused as a problem naming it, never a bare 500 from the Lambda HTTP layer. */
@QuarkusTest
@WithTestResource(LocalTableResource.class)
class HeaderScreeningApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u0001", "\u001b[31m", "\u007f", "\u0000"})
    void aControlCharacterInAHeaderIsA400NamingTheHeader(String control) {
        ApiGateway.Reply reply = ApiGateway.send(ApiGateway.event(
                "POST",
                "/v1/tickets",
                Optional.of(RESIDENT),
                Optional.of(POTHOLE),
                Map.of("content-type", "application/json", "x-trace-note", "before" + control + "after")));

        assertProblem(reply, 400, "x-trace-note");
        assertThat(reply.body().path("type").asText()).isEqualTo(ProblemType.MALFORMED_REQUEST.uri());
        assertThat(reply.body().path("instance").asText()).isEqualTo("/v1/tickets");
    }

    @Test
    void aControlCharacterInACookieOrAHeaderNameIsNamedToo() {
        ObjectNode withCookie =
                ApiGateway.event("GET", "/v1/tickets", Optional.of(RESIDENT), Optional.empty(), Map.of());
        withCookie.putArray("cookies").add("session=a\u0001b");
        assertProblem(ApiGateway.send(withCookie), 400, "cookie");

        ObjectNode badName = ApiGateway.event(
                "GET", "/v1/tickets", Optional.of(RESIDENT), Optional.empty(), Map.of("x bad\u0002name", "1"));
        assertProblem(ApiGateway.send(badName), 400, "x bad\\u0002name");
    }

    @Test
    void aTabAndNonAsciiTextInAHeaderStillPass() {
        ApiGateway.Reply reply = ApiGateway.send(ApiGateway.event(
                "GET", "/v1/me/tickets", Optional.of(RESIDENT), Optional.empty(), Map.of("x-trace-note", "路灯\tnote")));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    }
}

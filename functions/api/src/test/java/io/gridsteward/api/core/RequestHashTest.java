package io.gridsteward.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestHashTest {

    @Test
    void jsonIsComparedParsedNotByItsBytes() {
        String compact =
                "{\"note\":\"filled\",\"photoKeys\":[\"a\",\"b\"],\"location\":{\"latitude\":30.25,\"longitude\":120.16}}";
        String spaced =
                "{\n  \"location\" : { \"longitude\" : 120.16, \"latitude\" : 30.25 },\n  \"photoKeys\" : [ \"a\", \"b\" ],\n  \"note\" : \"filled\"\n}\n";

        assertThat(RequestHash.of(spaced)).isEqualTo(RequestHash.of(compact));
    }

    @Test
    void anotherValueOrderOfAnArrayOrPrecisionIsAnotherRequest() {
        String base = RequestHash.of("{\"photoKeys\":[\"a\",\"b\"],\"amount\":1.10}");

        assertThat(RequestHash.of("{\"photoKeys\":[\"b\",\"a\"],\"amount\":1.10}"))
                .isNotEqualTo(base);
        assertThat(RequestHash.of("{\"photoKeys\":[\"a\",\"b\"],\"amount\":1.1}"))
                .isNotEqualTo(base);
        assertThat(RequestHash.of("{\"photoKeys\":[\"a\",\"b\"],\"amount\":\"1.10\"}"))
                .isNotEqualTo(base);
    }

    @Test
    void aBodyThatIsNotJsonIsHashedByItsBytes() {
        assertThat(RequestHash.of("not json ")).isNotEqualTo(RequestHash.of("not json"));
        assertThat(RequestHash.of("")).isEqualTo(RequestHash.of("")).hasSize(64);
    }
}

package io.gridsteward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;

/** One answer of the HTTP front: its status, headers and body, with the checks the end-to-end tests make on it. */
record ApiAnswer(String request, int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM_JSON = "application/problem+json";

    /** The body of a 200 answer. */
    JsonNode ok() {
        return expecting(200);
    }

    /** The body of a 201 answer. */
    JsonNode created() {
        return expecting(201);
    }

    JsonNode expecting(int expectedStatus) {
        assertThat(status).as("%s answered %s", request, body).isEqualTo(expectedStatus);
        return json();
    }

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            throw new AssertionError(request + " answered a body that is not JSON: " + body, notJson);
        }
    }

    /** The RFC 9457 problem document of a refusal with {@code expectedStatus}. */
    JsonNode problem(int expectedStatus) {
        JsonNode problem = expecting(expectedStatus);
        assertThat(headers.firstValue("content-type"))
                .as("content type of %s", request)
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith(PROBLEM_JSON));
        assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
        return problem;
    }

    /** A refusal with {@code expectedStatus} whose {@code errors} name {@code field}. */
    JsonNode problemNaming(int expectedStatus, String field) {
        JsonNode problem = problem(expectedStatus);
        assertThat(problem.path("errors"))
                .as("fields named by %s", problem)
                .extracting(error -> error.path("field").asText())
                .contains(field);
        return problem;
    }

    /** A 409 telling the caller where the ticket stands now. */
    JsonNode conflictWithCurrentState(String currentStatus, long currentVersion) {
        JsonNode problem = problem(409);
        assertThat(problem.path("currentStatus").asText())
                .as("currentStatus of %s", problem)
                .isEqualTo(currentStatus);
        assertThat(problem.path("currentVersion").asLong())
                .as("currentVersion of %s", problem)
                .isEqualTo(currentVersion);
        return problem;
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}

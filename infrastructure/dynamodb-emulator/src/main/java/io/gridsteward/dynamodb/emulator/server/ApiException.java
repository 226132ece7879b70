package io.gridsteward.dynamodb.emulator.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answered to the client in DynamoDB's shape: {@code __type} naming the service's exception, {@code message},
 * and any extra members (the {@code Item} of a failed condition, the {@code CancellationReasons} of a transaction).
 */
public final class ApiException extends RuntimeException {
    private static final String PREFIX = "com.amazonaws.dynamodb.v20120810#";

    private final String type;
    private final int status;
    private final ObjectNode extra;

    private ApiException(String type, int status, String message, ObjectNode extra) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.extra = extra;
    }

    public static ApiException validation(String message) {
        return clientError("ValidationException", message);
    }

    public static ApiException resourceNotFound(String message) {
        return clientError("ResourceNotFoundException", message);
    }

    public static ApiException resourceInUse(String message) {
        return clientError("ResourceInUseException", message);
    }

    public static ApiException serialization(String message) {
        return clientError("SerializationException", message);
    }

    public static ApiException clientError(String type, String message) {
        return new ApiException(type, 400, message, null);
    }

    public static ApiException clientError(String type, String message, ObjectNode extra) {
        return new ApiException(type, 400, message, extra);
    }

    public static ApiException internal(String message) {
        return new ApiException("InternalServerError", 500, message, null);
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    public ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", PREFIX + type);
        body.put("message", getMessage());
        if (extra != null) {
            body.setAll(extra);
        }
        return body;
    }
}

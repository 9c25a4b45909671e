package org.cyprus.api.http;

import io.javalin.http.HandlerType;

/** The methods routes are declared with; every GET route answers HEAD too (RFC 9110 §9.3.2). */
public enum HttpMethod {
    GET(HandlerType.GET),
    POST(HandlerType.POST),
    PUT(HandlerType.PUT),
    PATCH(HandlerType.PATCH),
    DELETE(HandlerType.DELETE);

    private final HandlerType handlerType;

    HttpMethod(HandlerType handlerType) {
        this.handlerType = handlerType;
    }

    HandlerType handlerType() {
        return handlerType;
    }
}

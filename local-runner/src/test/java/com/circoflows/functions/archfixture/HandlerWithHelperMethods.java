package com.circoflows.functions.archfixture;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.error.ErrorCode;

/** Deliberately breaks HandlerRules (HandlerRulesTest): a handler deciding statuses itself, with extra constructors. */
public final class HandlerWithHelperMethods implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final String name;

    public HandlerWithHelperMethods() {
        this("a");
    }

    public HandlerWithHelperMethods(String name) {
        this.name = name;
    }

    public HandlerWithHelperMethods(int copies) {
        this(String.valueOf(copies));
    }

    public HandlerWithHelperMethods(long copies) {
        this(String.valueOf(copies));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(statusFor(ErrorCode.SERVER_ERROR)).withBody(name).build();
    }

    private int statusFor(ErrorCode code) {
        return code == ErrorCode.SERVER_ERROR ? 500 : 400;
    }
}

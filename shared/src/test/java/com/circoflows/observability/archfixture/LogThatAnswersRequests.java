package com.circoflows.observability.archfixture;

import com.circoflows.api.ApiResponse;

/** Deliberately breaks the layering (LayeringRulesBiteTest): observability shaping an HTTP answer. */
public final class LogThatAnswersRequests {
    public int statusOf(ApiResponse response) {
        return response.statusCode();
    }
}

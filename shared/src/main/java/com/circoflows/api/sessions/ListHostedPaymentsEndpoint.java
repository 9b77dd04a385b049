package com.circoflows.api.sessions;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.PageRequest;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.session.SessionListQueries;
import com.circoflows.domain.session.SessionPage;
import com.circoflows.domain.session.SessionStatus;
import java.util.List;
import java.util.Map;

/**
 * GET /api/hosted-payment?limit=&cursor=&status=: the caller's hosted payment sessions of its key's
 * mode, newest first, each shown as GET /api/hosted-payment/{session_id} shows it (as it is now: a
 * pending session past its expires_at is expired). A status that can't be valid is a 400 naming it
 * before anything is read.
 */
public final class ListHostedPaymentsEndpoint implements MerchantEndpoint {
    private final SessionListQueries sessions;

    public ListHostedPaymentsEndpoint(SessionListQueries sessions) {
        this.sessions = sessions;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        PageRequest page = PageRequest.from(request);
        SessionStatus status = status(request.queryParameters().get("status"));
        SessionPage found = sessions.list(caller, status, page.limit(), page.cursor());
        List<Map<String, Object>> shown = found.sessions().stream().map(SessionViews::status).toList();
        return Envelope.ok(200, null, PageRequest.page("sessions", shown, found.nextCursor()));
    }

    private static SessionStatus status(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return SessionStatus.fromWireName(raw);
        } catch (IllegalArgumentException unknown) {
            throw ApiException.invalidParam("status",
                    "The status must be one of pending, completed, cancelled or expired.");
        }
    }
}

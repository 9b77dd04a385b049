package com.circoflows.client;

/**
 * An error answer of the API (or, for {@link ApiConnectionException}, no answer at all). The fields are
 * those of the API's error envelope; the message is the API's own, which never holds card data, and
 * nothing here ever holds the request body.
 */
public class CircoFlowsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String type;
    private final String code;
    private final String param;
    private final String declineCode;
    private final String transactionId;
    private final String requestId;

    CircoFlowsException(String message, ErrorDetails details, Throwable cause) {
        super(message, cause);
        this.httpStatus = details.httpStatus;
        this.type = details.type;
        this.code = details.code;
        this.param = details.param;
        this.declineCode = details.declineCode;
        this.transactionId = details.transactionId;
        this.requestId = details.requestId;
    }

    /** The HTTP status, or 0 when no answer arrived. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** {@code card_error}, {@code invalid_request_error}, …; null for an answer without the API's envelope. */
    public String getType() {
        return type;
    }

    /** {@code card_declined}, {@code invalid_transaction_state}, … (docs/api.md "Errors"). */
    public String getCode() {
        return code;
    }

    /** The request field, query parameter or header at fault, if the API named one. */
    public String getParam() {
        return param;
    }

    public String getDeclineCode() {
        return declineCode;
    }

    /** The stored failed transaction of a declined payment. */
    public String getTransactionId() {
        return transactionId;
    }

    /** The answer's {@code X-Request-Id}: quote it to support. */
    public String getRequestId() {
        return requestId;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(getClass().getSimpleName()).append(": ").append(getMessage());
        if (httpStatus != 0) {
            text.append(" (http ").append(httpStatus);
            if (code != null) {
                text.append(", code ").append(code);
            }
            if (requestId != null) {
                text.append(", request ").append(requestId);
            }
            text.append(')');
        }
        return text.toString();
    }

    /** The envelope's fields, gathered before the exception's class is chosen. */
    static final class ErrorDetails {
        static final ErrorDetails NONE = new ErrorDetails(0, null, null, null, null, null, null);

        final int httpStatus;
        final String type;
        final String code;
        final String param;
        final String declineCode;
        final String transactionId;
        final String requestId;

        ErrorDetails(int httpStatus, String type, String code, String param, String declineCode,
                String transactionId, String requestId) {
            this.httpStatus = httpStatus;
            this.type = type;
            this.code = code;
            this.param = param;
            this.declineCode = declineCode;
            this.transactionId = transactionId;
            this.requestId = requestId;
        }
    }
}

package com.circoflows.domain.error;

/**
 * A failure the API reports to the caller in the error envelope. Messages must never contain card
 * data: they are shown to merchants and may be logged.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String param;
    private final String declineCode;

    public ApiException(ErrorCode code) {
        this(code, code.defaultMessage(), null, null);
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public ApiException(ErrorCode code, String message, String param, String declineCode) {
        super(message, null, false, false);
        this.code = code;
        this.param = param;
        this.declineCode = declineCode;
    }

    public static ApiException invalidParam(String param, String message) {
        return new ApiException(ErrorCode.INVALID_REQUEST, message, param, null);
    }

    public static ApiException withParam(ErrorCode code, String param, String message) {
        return new ApiException(code, message, param, null);
    }

    public ErrorCode code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String param() {
        return param;
    }

    /** The issuer's reason for a card decline, or null. */
    public String declineCode() {
        return declineCode;
    }
}

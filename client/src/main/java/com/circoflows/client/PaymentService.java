package com.circoflows.client;

import com.circoflows.client.model.CaptureParams;
import com.circoflows.client.model.ConfirmThreeDSecureParams;
import com.circoflows.client.model.Payment;
import com.circoflows.client.model.PaymentCreateParams;
import com.circoflows.client.model.PaymentListParams;

/** {@code /api/direct-payment}: card, bank transfer and wallet payments and what follows them. */
public final class PaymentService {
    private static final String PATH = "/api/direct-payment";

    private final ApiRequestor requestor;

    PaymentService(ApiRequestor requestor) {
        this.requestor = requestor;
    }

    /**
     * Pays. A card answered 200 is charged ({@code completed}, or {@code authorized} with manual capture);
     * one that needs 3-D Secure comes back {@code pending} with {@link Payment#getThreeDSecureUrl()}; a
     * bank transfer comes back {@code pending} with the payer's instructions. A decline is a
     * {@link CardException}.
     */
    @ApiOperation("createDirectPayment")
    public Payment create(PaymentCreateParams params) {
        return create(params, RequestOptions.none());
    }

    @ApiOperation("createDirectPayment")
    public Payment create(PaymentCreateParams params, RequestOptions options) {
        return requestor.post(PATH, params, options, Payment.class);
    }

    @ApiOperation("getDirectPayment")
    public Payment retrieve(String transactionId) {
        return requestor.get(PATH + "/" + UrlParts.segment(transactionId), Payment.class);
    }

    /** One page, newest first. */
    @ApiOperation("listDirectPayments")
    public Page<Payment> list(PaymentListParams params) {
        return list(params, null);
    }

    /** Every payment the filters keep, newest first, fetched page by page as the iteration goes. */
    @ApiOperation("listDirectPayments")
    public Iterable<Payment> listAll(PaymentListParams params) {
        return new AutoPagingIterable<>(cursor -> list(params, cursor));
    }

    /**
     * Completes a 3-D Secure payment once the customer took the challenge. A challenge not yet taken
     * answers {@code pending} again (for a {@code pending} claim) or an {@link InvalidRequestException}
     * with code {@code invalid_transaction_state}.
     */
    @ApiOperation("confirmThreeDSecure")
    public Payment confirmThreeDSecure(String transactionId, ConfirmThreeDSecureParams params) {
        return confirmThreeDSecure(transactionId, params, RequestOptions.none());
    }

    @ApiOperation("confirmThreeDSecure")
    public Payment confirmThreeDSecure(String transactionId, ConfirmThreeDSecureParams params,
            RequestOptions options) {
        return requestor.post(path(transactionId, "confirm-3ds"), params, options, Payment.class);
    }

    @ApiOperation("capturePayment")
    public Payment capture(String transactionId, CaptureParams params) {
        return capture(transactionId, params, RequestOptions.none());
    }

    @ApiOperation("capturePayment")
    public Payment capture(String transactionId, CaptureParams params, RequestOptions options) {
        return requestor.post(path(transactionId, "capture"), params, options, Payment.class);
    }

    /** Releases an authorisation nothing was captured of. */
    @ApiOperation("cancelPayment")
    public Payment cancel(String transactionId) {
        return cancel(transactionId, RequestOptions.none());
    }

    @ApiOperation("cancelPayment")
    public Payment cancel(String transactionId, RequestOptions options) {
        return requestor.post(path(transactionId, "cancel"), null, options, Payment.class);
    }

    private Page<Payment> list(PaymentListParams params, String cursor) {
        return PageReader.fetch(requestor, PATH, params.toQuery(), cursor, "transactions", Payment.class);
    }

    private static String path(String transactionId, String action) {
        return PATH + "/" + UrlParts.segment(transactionId) + "/" + action;
    }
}

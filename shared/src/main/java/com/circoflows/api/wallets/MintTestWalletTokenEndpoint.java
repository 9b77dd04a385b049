package com.circoflows.api.wallets;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.RequestBodies;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.domain.card.CardExpiry;
import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.wallet.AuthMethod;
import com.circoflows.domain.wallet.TestWalletTokens;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.json.Json;
import com.circoflows.json.JsonObject;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * POST /api/test/wallet-tokens {"wallet", "card_number", "auth_method"?, "expiry_month"?, "expiry_year"?,
 * "amount"?, "currency"?}: test keys only. The amount is what Apple Pay's payment sheet showed (Apple puts it
 * in the token; the payment charges its own amount). Test mode's wallet signs and encrypts a token for the card exactly as the real wallet
 * would, so paying with it runs the real verification and decryption. The answer holds the token, never
 * the card number.
 */
public final class MintTestWalletTokenEndpoint implements MerchantEndpoint {
    private static final Set<String> FIELDS = Set.of("wallet", "card_number", "auth_method", "expiry_month",
            "expiry_year", "amount", "currency");
    /** A device card's expiry when none is asked for: well ahead, as a freshly provisioned token's is. */
    private static final int DEFAULT_YEARS_AHEAD = 3;

    private final TestWalletTokens tokens;
    private final Clock clock;

    public MintTestWalletTokenEndpoint(TestWalletTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        if (caller.mode() != Mode.TEST) {
            throw new ApiException(ErrorCode.TEST_MODE_ONLY,
                    "Test wallet tokens are minted with test keys only; live tokens come from the customer's wallet.",
                    null, null);
        }
        JsonObject body = RequestBodies.parseObject(request.body(), Set.of("card_number"));
        RequestFields.rejectUnknown(body, FIELDS, null);
        Wallet wallet = Wallet.fromWireName(RequestFields.requiredString(body, "wallet", 20))
                .orElseThrow(() -> ApiException.invalidParam("wallet", "The wallet must be apple_pay or google_pay."));
        CardNumber card = CardNumber.parse(RequestFields.requiredString(body, "card_number", 40));
        AuthMethod authMethod = authMethod(body, wallet);
        CardExpiry expiry = expiry(body);
        Money sheet = body.get("amount") == null ? null : Money.of(RequestFields.requiredInteger(body, "amount"),
                RequestFields.requiredString(body, "currency", 10));
        String token = tokens.mint(new TestWalletTokens.Mint(wallet, caller.merchantId(), card, expiry, authMethod,
                sheet));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("wallet", wallet.wireName());
        data.put("auth_method", authMethod.name());
        data.put("card", Map.of("brand", card.brand().wireName(), "last4", card.last4()));
        // As the wallet hands it over: Apple Pay's paymentData is an object, Google Pay's token a string.
        data.put("payment_token", wallet == Wallet.APPLE_PAY ? Json.readMap(token) : token);
        return Envelope.ok(201, "Test wallet token minted", data);
    }

    private static AuthMethod authMethod(JsonObject body, Wallet wallet) {
        String raw = RequestFields.optionalString(body, "auth_method", 20);
        if (raw == null) {
            return AuthMethod.CRYPTOGRAM_3DS;
        }
        AuthMethod method = AuthMethod.fromWireName(raw).orElseThrow(() -> ApiException.invalidParam("auth_method",
                "The auth_method must be PAN_ONLY or CRYPTOGRAM_3DS."));
        if (wallet == Wallet.APPLE_PAY && method == AuthMethod.PAN_ONLY) {
            throw ApiException.invalidParam("auth_method",
                    "Apple Pay tokens are always device tokens with a cryptogram (CRYPTOGRAM_3DS).");
        }
        return method;
    }

    /** An expired card may be asked for, to see a payment refuse it. */
    private CardExpiry expiry(JsonObject body) {
        YearMonth now = YearMonth.now(clock);
        if (body.get("expiry_month") == null && body.get("expiry_year") == null) {
            YearMonth ahead = now.plusYears(DEFAULT_YEARS_AHEAD);
            return new CardExpiry(ahead.getMonthValue(), ahead.getYear());
        }
        return CardExpiry.parse(RequestFields.requiredStringOrInteger(body, "expiry_month", 10),
                RequestFields.requiredStringOrInteger(body, "expiry_year", 10), now);
    }
}

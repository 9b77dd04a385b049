package com.circoflows.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.circoflows.adapters.aws.SdkRequestTypes;
import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Json;
import com.circoflows.domain.merchant.ApiKeyRepository;
import com.circoflows.domain.merchant.BcryptSecretHasher;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The dry run of an /api request that SnapStart's snapshot is primed with: the API key lookup's
 * DynamoDB GetItem, for a key id no key can have (stored ids are base62; this one has hyphens),
 * the JSON path of a made-up payment request, event to response, bcrypt on a throwaway secret, and
 * the DynamoDB write requests' types (built, never sent). It writes nothing, counts no
 * request against a rate limit and caches nothing: the key is never found, so nothing is verified.
 */
public final class MerchantApiPriming implements Runnable {
    static final String KEY_ID_NO_KEY_HAS = "key_snapstart-priming-not-a-key";
    private static final int WARM_UP_COST = 6;
    private static final String WARM_UP_SECRET = "priming-not-a-secret-of-any-key";

    /**
     * The body reader of an /api function that only reads its body as JSON. The sample body is a payment,
     * so its card_number is the card's own field, as for the payment parser; read as any other body, it
     * would be refused as a card number outside card_number and the priming would stop there.
     */
    public static final Consumer<String> JSON_ONLY = body -> Json.parseObject(body, Set.of("card_number"));

    private final ApiKeyRepository apiKeys;
    private final Consumer<String> bodyReader;

    /** @param bodyReader what the function does with a request body (e.g. its parser); may throw a 400 */
    public MerchantApiPriming(ApiKeyRepository apiKeys, Consumer<String> bodyReader) {
        this.apiKeys = apiKeys;
        this.bodyReader = bodyReader;
    }

    @Override
    public void run() {
        warmUpBcrypt();
        apiKeys.find(KEY_ID_NO_KEY_HAS);
        ApiRequest request = ApiGatewayEvents.toRequest(sampleEvent());
        bodyReader.accept(request.body());
        SdkRequestTypes.loadDynamoDbWrites();
        Map<String, Object> answer = Json.readMap(Json.write(Map.of("success", true, "data",
                Map.of("amount", 1000, "currency", "USD", "status", "completed"))));
        ApiGatewayEvents.toEvent(ApiResponse.json(200, answer));
    }

    /**
     * A first request's key check is one bcrypt verification at cost 10; done cold, it also loads and
     * compiles bcrypt's code (about 120 ms against 76 ms warm at Lambda's C1-only JIT). A throwaway
     * hash at the lowest useful cost does that part here, on no real key.
     */
    private static void warmUpBcrypt() {
        BcryptSecretHasher hasher = new BcryptSecretHasher(WARM_UP_COST);
        hasher.matches(WARM_UP_SECRET, hasher.hash(WARM_UP_SECRET));
    }

    /** The test card every payment API documents; a made-up request, never charged. */
    private static APIGatewayV2HTTPEvent sampleEvent() {
        int expiryYear = Year.now(ZoneOffset.UTC).getValue() + 3;
        String body = "{\"amount\":1000,\"currency\":\"USD\",\"payment_method\":\"card\","
                + "\"card_number\":\"4242424242424242\",\"expiry_month\":\"12\",\"expiry_year\":\"" + expiryYear
                + "\",\"cvv\":\"123\"}";
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath("/api/direct-payment")
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("snapstart-priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("POST").withPath("/api/direct-payment").withSourceIp("127.0.0.1").build())
                        .build())
                .build();
    }
}

package com.circoflows.adapters.lambda;

import com.circoflows.api.RequestBodies;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.circoflows.adapters.aws.SdkRequestTypes;
import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.json.Json;
import com.circoflows.domain.merchant.ApiKeyRepository;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The dry run of an /api request that SnapStart's snapshot is primed with: the API key lookup's
 * DynamoDB GetItem, for a key id no key can have (stored ids are base62; this one has hyphens),
 * the JSON path of a made-up payment request, event to response, the key check's SHA-256 on a
 * throwaway secret, and the DynamoDB write requests' types (built, never sent). It writes nothing,
 * counts no request against a rate limit and caches nothing: the key is never found, so nothing is
 * verified.
 */
public final class MerchantApiPriming implements Runnable {
    static final String KEY_ID_NO_KEY_HAS = "key_snapstart-priming-not-a-key";
    private static final String WARM_UP_SECRET = "priming-not-a-secret-of-any-key";

    /**
     * The body reader of an /api function that only reads its body as JSON. The sample body is a payment,
     * so its card_number is the card's own field, as for the payment parser; read as any other body, it
     * would be refused as a card number outside card_number and the priming would stop there.
     */
    public static final Consumer<String> JSON_ONLY = body -> RequestBodies.parseObject(body, Set.of("card_number"));

    private final ApiKeyRepository apiKeys;
    private final Consumer<String> bodyReader;

    /** @param bodyReader what the function does with a request body (e.g. its parser); may throw a 400 */
    public MerchantApiPriming(ApiKeyRepository apiKeys, Consumer<String> bodyReader) {
        this.apiKeys = apiKeys;
        this.bodyReader = bodyReader;
    }

    @Override
    public void run() {
        warmUpSecretCheck();
        apiKeys.find(KEY_ID_NO_KEY_HAS);
        ApiRequest request = ApiGatewayEvents.toRequest(sampleEvent());
        bodyReader.accept(request.body());
        SdkRequestTypes.loadDynamoDbWrites();
        Map<String, Object> answer = Json.readMap(Json.write(Map.of("success", true, "data",
                Map.of("amount", 1000, "currency", "USD", "status", "completed"))));
        ApiGatewayEvents.toEvent(ApiResponse.json(200, answer));
    }

    /**
     * A first request's key check hashes the secret with SHA-256, decodes the stored hash and compares
     * them in constant time; done cold, that loads the JDK's digest provider and base64 codec. A
     * throwaway secret does it here, on no real key. (Keys still stored with bcrypt are rewritten on
     * their first use, so bcrypt is left cold.)
     */
    private static void warmUpSecretCheck() {
        Sha256SecretHasher hasher = new Sha256SecretHasher();
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

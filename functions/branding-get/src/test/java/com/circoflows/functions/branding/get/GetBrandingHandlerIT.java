package com.circoflows.functions.branding.get;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.adapters.dynamodb.DynamoBrandingRepository;
import com.circoflows.domain.branding.Branding;
import com.circoflows.domain.branding.ImageFormat;
import com.circoflows.domain.branding.LogoReference;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GetBrandingHandler as Lambda runs it, fed events/branding-get/get.json. */
@ExtendWith(HandlerStackExtension.class)
class GetBrandingHandlerIT {
    private static final String FUNCTION = "GetBrandingFunction";

    private static HandlerStack stack;
    private static GetBrandingHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, GetBrandingHandler.class, GetBrandingHandler::new);
    }

    @Test
    void getEventShowsAMerchantThatSetNothingItsBusinessNameAndTheDefaultLook() {
        NewMerchant merchant = stack.merchants().newMerchant("Plain Branding Merchant");
        APIGatewayV2HTTPEvent event = event("branding-get/get.json");
        assertEquals("GET", event.getRequestContext().getHttp().getMethod());

        APIGatewayV2HTTPResponse response = LambdaInvocations.invoke(handler, FUNCTION,
                withApiKey(event, merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("100", response.getHeaders().get("x-ratelimit-limit"));
        JsonNode data = json(response).get("data");
        assertEquals("Plain Branding Merchant", data.get("display_name").asText());
        assertEquals("#1f4fd1", data.get("brand_color").asText());
        assertEquals("#1f4fd1", data.get("accent_color").asText());
        assertEquals("rounded", data.get("button_style").asText());
        assertEquals("#ffffff", data.get("button_text_color").asText());
        assertTrue(data.get("logo").isNull());
        assertEquals(0, data.get("version").asLong());
        List<String> fields = new ArrayList<>();
        data.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("display_name", "brand_color", "accent_color", "button_style", "button_text_color",
                "logo", "version"), fields);
    }

    @Test
    void aMerchantsLogoIsShownAsItsIdTypeAndSize() {
        NewMerchant merchant = stack.merchants().newMerchant("Logo Branding Merchant");
        LogoReference logo = new LogoReference("c".repeat(64), ImageFormat.WEBP, 300, 90);
        new DynamoBrandingRepository(stack.localStack().dynamoDbClient(), stack.table("MerchantsTable"))
                .save(merchant.merchantId(), Branding.defaults("Logo Branding Merchant").withLogo(logo), 0);

        APIGatewayV2HTTPResponse response = LambdaInvocations.invoke(handler, FUNCTION,
                withApiKey(event("branding-get/get.json"), merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode shown = json(response).get("data").get("logo");
        assertEquals("c".repeat(64), shown.get("id").asText());
        assertEquals("image/webp", shown.get("content_type").asText());
        assertEquals(300, shown.get("width").asInt());
        assertEquals(90, shown.get("height").asInt());
        assertEquals(1, json(response).get("data").get("version").asLong());
    }

    @Test
    void theSampleEventAsShippedAnswersForTheSampleMerchant() {
        APIGatewayV2HTTPResponse response = LambdaInvocations.invoke(handler, FUNCTION, event("branding-get/get.json"));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(SampleEvents.SAMPLE_MERCHANT_NAME, json(response).get("data").get("display_name").asText());
    }
}

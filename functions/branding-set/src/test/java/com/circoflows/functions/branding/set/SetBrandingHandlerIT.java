package com.circoflows.functions.branding.set;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withBody;
import static com.circoflows.testsupport.SampleEvents.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.adapters.dynamodb.DynamoBrandingRepository;
import com.circoflows.adapters.dynamodb.DynamoLogoStore;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.domain.branding.BrandingSettings;
import com.circoflows.domain.branding.LogoImage;
import com.circoflows.domain.branding.upload.LogoInspection;
import com.circoflows.domain.branding.upload.UploadedFile;
import com.circoflows.testing.TestImages;
import java.time.Clock;
import com.circoflows.domain.branding.StoredBranding;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SetBrandingHandler as Lambda runs it, fed events/branding-set/*.json. */
@ExtendWith(HandlerStackExtension.class)
class SetBrandingHandlerIT {
    private static final String FUNCTION = "SetBrandingFunction";

    private static HandlerStack stack;
    private static SetBrandingHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, SetBrandingHandler.class, SetBrandingHandler::new);
    }

    @Test
    void setEventSavesTheBrandingAsVersionOne() {
        NewMerchant merchant = stack.merchants().newMerchant("Branding Merchant");
        APIGatewayV2HTTPEvent event = event("branding-set/set.json");
        assertEquals("PUT", event.getRequestContext().getHttp().getMethod());

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event, merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        assertEquals("Branding saved.", body.get("message").asText());
        JsonNode data = body.get("data");
        assertEquals("Acme Coffee", data.get("display_name").asText());
        assertEquals("#0b5e3b", data.get("brand_color").asText());
        assertEquals("#6b2fa3", data.get("accent_color").asText());
        assertEquals("pill", data.get("button_style").asText());
        assertEquals("#ffffff", data.get("button_text_color").asText());
        assertEquals(1, data.get("version").asLong());
    }

    @Test
    void unreadableColorEventIsRefusedWithTheFieldAndItsContrast() {
        NewMerchant merchant = stack.merchants().newMerchant("Grey Branding Merchant");

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("branding-set/unreadable-color.json"),
                merchant.apiKey()));

        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("invalid_request", error.get("code").asText());
        assertEquals("accent_color", error.get("param").asText());
        assertTrue(error.get("message").asText().contains("4.48:1"), error.toString());
        assertEquals(error.get("message").asText(), error.get("errors").get("accent_color").asText());
        assertEquals(0, stored(merchant).version(), "nothing is saved");
    }

    @Test
    void aLightBrandColourIsSavedWithNearBlackButtonTextAndTheResponseSaysSo() {
        NewMerchant merchant = stack.merchants().newMerchant("Amber Branding Merchant");

        APIGatewayV2HTTPResponse response = invoke(withBody(withApiKey(event("branding-set/set.json"),
                merchant.apiKey()), "{\"brand_color\": \"#D97706\"}", false));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        assertTrue(body.get("message").asText().contains("near-black"), body.toString());
        assertEquals("#d97706", body.get("data").get("brand_color").asText());
        assertEquals("#111111", body.get("data").get("button_text_color").asText());
        assertEquals("Amber Branding Merchant", body.get("data").get("display_name").asText(), "left out: kept");
    }

    @Test
    void aSaveAgainstAVersionSomeoneElseReplacedIsAConflictAndChangesNothing() {
        NewMerchant merchant = stack.merchants().newMerchant("Two Editors Merchant");
        assertEquals(200, invoke(withBody(withApiKey(event("branding-set/set.json"), merchant.apiKey()),
                "{\"display_name\": \"First editor\", \"version\": 0}", false)).getStatusCode());

        APIGatewayV2HTTPResponse late = invoke(withBody(withApiKey(event("branding-set/set.json"), merchant.apiKey()),
                "{\"display_name\": \"Second editor\", \"version\": 0}", false));

        assertEquals(409, late.getStatusCode(), late.getBody());
        JsonNode error = json(late).get("error");
        assertEquals("branding_version_conflict", error.get("code").asText());
        assertEquals("version", error.get("param").asText());
        assertEquals(1, error.get("current_version").asLong());
        assertEquals("First editor", stored(merchant).branding().displayName());
    }

    @Test
    void badFieldsAreNamedAndNeverA500() {
        NewMerchant merchant = stack.merchants().newMerchant("Bad Fields Merchant");
        String[][] cases = {
            {"{\"brand_color\": \"red\"}", "brand_color"},
            {"{\"brand_color\": \"#1f4fd1;}body{display:none\"}", "brand_color"},
            {"{\"button_style\": \"oval\"}", "button_style"},
            {"{\"display_name\": \"" + "x".repeat(61) + "\"}", "display_name"},
            {"{\"display_name\": 42}", "display_name"},
            {"{\"version\": -1}", "version"},
            {"{\"version\": \"1\"}", "version"},
            {"{\"logo\": \"x\"}", "logo"},
            {"[]", "body"},
        };
        for (String[] c : cases) {
            APIGatewayV2HTTPResponse response = invoke(withBody(withApiKey(event("branding-set/set.json"),
                    merchant.apiKey()), c[0], false));
            assertEquals(400, response.getStatusCode(), c[0] + " -> " + response.getBody());
            assertEquals(c[1], json(response).get("error").get("param").asText(), c[0]);
        }
        assertEquals(0, stored(merchant).version());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsAnsweredFromTheFirstCall() {
        NewMerchant merchant = stack.merchants().newMerchant("Retrying Branding Merchant");
        APIGatewayV2HTTPEvent event = withHeader(withBody(withApiKey(event("branding-set/set.json"), merchant.apiKey()),
                "{\"display_name\": \"Once\", \"version\": 0}", false), "idempotency-key", "branding-retry-1");

        APIGatewayV2HTTPResponse first = invoke(event);
        APIGatewayV2HTTPResponse retry = invoke(event);

        assertEquals(200, first.getStatusCode(), first.getBody());
        assertEquals(first.getBody(), retry.getBody());
        assertFalse(retry.getStatusCode() == 409);
    }

    @Test
    void removeLogoEventTakesTheLogoOffThePagesAndDeletesItsImage() {
        NewMerchant merchant = stack.merchants().newMerchant("Logo Removing Merchant");
        DynamoLogoStore logos = new DynamoLogoStore(stack.localStack().dynamoDbClient(), stack.table("LogosTable"),
                Clock.systemUTC());
        BrandingSettings settings = new BrandingSettings(new DynamoBrandingRepository(stack.localStack().dynamoDbClient(),
                stack.table("MerchantsTable")), new DynamoMerchantRepository(stack.localStack().dynamoDbClient(),
                stack.table("MerchantsTable")), logos);
        byte[] png = TestImages.png(96, 32);
        LogoImage image = ((LogoInspection.Accepted) LogoInspection.inspect(new UploadedFile(png, png.length))).image();
        settings.useLogo(merchant.merchantId(), image);

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("branding-set/remove-logo.json"), merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(json(response).get("data").get("logo").isNull());
        assertEquals(null, stored(merchant).branding().logoReference());
        assertTrue(logos.find(merchant.merchantId(), image.reference().id()).isEmpty(), "its image is deleted");
    }

    /** What the table holds for the merchant, read past the handler. */
    private static StoredBranding stored(NewMerchant merchant) {
        return new DynamoBrandingRepository(stack.localStack().dynamoDbClient(), stack.table("MerchantsTable"))
                .find(merchant.merchantId()).orElse(new StoredBranding(null, 0));
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}

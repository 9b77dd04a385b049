package com.circoflows.api.payments;

import com.circoflows.api.RequestBodies;
import com.circoflows.json.JsonObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestFieldsTest {

    @Test
    void blankStringIsRefusedWithItsLimits() {
        ApiException e = refused(() -> RequestFields.requiredString(body("{\"cvv\": \"  \"}"), "cvv", 10), "cvv");

        assertEquals("The cvv must be 1 to 10 characters.", e.getMessage());
    }

    @Test
    void stringOverItsLimitIsRefusedWithoutQuotingIt() {
        ApiException e = refused(() -> RequestFields.requiredString(body("{\"currency\": \"DOLLARS\"}"), "currency", 3),
                "currency");

        assertEquals("The currency must be 1 to 3 characters.", e.getMessage());
    }

    @Test
    void wholeNumberIsAcceptedWhereAStringOrNumberMayBeGiven() {
        assertEquals("7", RequestFields.requiredStringOrInteger(body("{\"m\": 7}"), "m", 2));
        assertEquals("07", RequestFields.requiredStringOrInteger(body("{\"m\": \"07\"}"), "m", 2));
        refused(() -> RequestFields.requiredStringOrInteger(body("{\"m\": 7.5}"), "m", 2), "m");
    }

    @Test
    void integerBeyondLongIsRefused() {
        refused(() -> RequestFields.requiredInteger(body("{\"amount\": 92233720368547758070}"), "amount"), "amount");
    }

    @Test
    void absentOrNullOptionalStringIsNull() {
        assertNull(RequestFields.optionalString(body("{}"), "return_url", 10));
        assertNull(RequestFields.optionalString(body("{\"return_url\": null}"), "return_url", 10));
        refused(() -> RequestFields.optionalString(body("{\"return_url\": 5}"), "return_url", 10), "return_url");
        refused(() -> RequestFields.optionalString(body("{\"return_url\": \"\"}"), "return_url", 10), "return_url");
    }

    @Test
    void unknownNestedFieldIsNamedWithItsPath() {
        refused(() -> RequestFields.rejectUnknown(body("{\"a\": 1, \"b\": 2}"), Set.of("a"), "session"), "session[b]");
    }

    @Test
    void absentCustomerInfoAndMetadataAreEmpty() {
        assertEquals(Map.of(), RequestFields.customerInfo(body("{}"), "customer_info"));
        assertEquals(Map.of(), RequestFields.metadata(body("{\"metadata\": null}"), "metadata"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"john@example.com", "j.doe+shop@mail.example.co.uk"})
    void plausibleEmailIsKept(String email) {
        assertEquals(Map.of("email", email),
                RequestFields.customerInfo(body("{\"customer_info\": {\"email\": \"" + email + "\"}}"), "customer_info"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"john", "john@", "@example.com", "john@example", "john doe@example.com", "a@b@c.com"})
    void implausibleEmailIsRefused(String email) {
        refused(() -> RequestFields.customerInfo(body("{\"customer_info\": {\"email\": \"" + email + "\"}}"),
                "customer_info"), "customer_info[email]");
    }

    @Test
    void metadataKeyLongerThan40CharactersIsRefused() {
        refused(() -> RequestFields.metadata(body("{\"metadata\": {\"" + "k".repeat(41) + "\": \"v\"}}"), "metadata"),
                "metadata");
    }

    private static JsonObject body(String json) {
        return RequestBodies.parseObject(json);
    }

    private static ApiException refused(Executable call, String param) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals(param, e.param());
        return e;
    }
}

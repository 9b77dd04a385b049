package com.circoflows.api.branding;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.RequestBodies;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.domain.branding.BrandingOutcome;
import com.circoflows.domain.branding.BrandingRules;
import com.circoflows.domain.branding.BrandingSettings;
import com.circoflows.domain.branding.BrandingUpdate;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.json.JsonObject;
import com.circoflows.json.JsonValue;
import java.util.Map;
import java.util.Set;

/**
 * PUT /api/branding {"display_name", "brand_color", "accent_color", "button_style", "logo", "version"}:
 * every field optional, an absent one keeps its value. {@code "logo": null} removes the logo (logos are
 * uploaded in the dashboard; the API takes no image). With {@code version} (the one GET returned) the save
 * is refused with 409 when someone else saved since. A field that fails is answered 400 with its name
 * in {@code param} and every failing field in {@code errors}.
 */
public final class SetBrandingEndpoint implements MerchantEndpoint {
    /** Far above the 60 characters a display name may have: longer is refused without being read. */
    private static final int MAX_FIELD_LENGTH = 1000;
    private static final Set<String> FIELDS = Set.of(BrandingRules.DISPLAY_NAME, BrandingRules.BRAND_COLOR,
            BrandingRules.ACCENT_COLOR, BrandingRules.BUTTON_STYLE, "logo", "version");

    private final BrandingSettings settings;

    public SetBrandingEndpoint(BrandingSettings settings) {
        this.settings = settings;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        JsonObject body = RequestBodies.parseObject(request.body());
        RequestFields.rejectUnknown(body, FIELDS, null);
        BrandingUpdate update = new BrandingUpdate(
                text(body, BrandingRules.DISPLAY_NAME), text(body, BrandingRules.BRAND_COLOR),
                text(body, BrandingRules.ACCENT_COLOR), text(body, BrandingRules.BUTTON_STYLE), version(body),
                removesLogo(body));
        BrandingOutcome outcome = settings.update(caller.merchantId(), update);
        if (outcome instanceof BrandingOutcome.Saved saved) {
            String message = saved.notes().isEmpty() ? "Branding saved." : "Branding saved. " + String.join(" ",
                    saved.notes());
            return Envelope.ok(200, message, BrandingViews.of(saved.saved()));
        }
        if (outcome instanceof BrandingOutcome.Refused refused) {
            Map.Entry<String, String> first = refused.errors().entrySet().iterator().next();
            return Envelope.error(ApiException.invalidParam(first.getKey(), first.getValue()),
                    Map.of("errors", refused.errors()));
        }
        BrandingOutcome.Conflict conflict = (BrandingOutcome.Conflict) outcome;
        return Envelope.error(ApiException.withParam(ErrorCode.BRANDING_VERSION_CONFLICT, "version",
                "The branding was changed by someone else (it is now version " + conflict.current().version()
                        + "); read it again and redo your change."),
                Map.of("current_version", conflict.current().version()));
    }

    private static String text(JsonObject body, String name) {
        JsonValue node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.invalidParam(name, "The " + name + " must be a string.");
        }
        if (node.textValue().length() > MAX_FIELD_LENGTH) {
            throw ApiException.invalidParam(name, "The " + name + " is too long.");
        }
        return node.textValue();
    }

    /** Only {@code null} is taken: the one change to the logo the API makes is taking it off. */
    private static boolean removesLogo(JsonObject body) {
        JsonValue node = body.get("logo");
        if (node == null) {
            return false;
        }
        if (!node.isNull()) {
            throw ApiException.invalidParam("logo", "Logos are uploaded in the dashboard (Settings → Branding); "
                    + "send \"logo\": null to remove the logo.");
        }
        return true;
    }

    private static Long version(JsonObject body) {
        JsonValue node = body.get("version");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw ApiException.invalidParam("version", "The version must be the whole number GET /api/branding "
                    + "returned.");
        }
        return node.longValue();
    }
}

package com.circoflows.dashboard;

import com.circoflows.api.ApiResponse;
import com.circoflows.api.pages.Html;
import com.circoflows.domain.branding.Branding;
import com.circoflows.domain.branding.BrandingOutcome;
import com.circoflows.domain.branding.BrandingRules;
import com.circoflows.domain.branding.BrandingSettings;
import com.circoflows.domain.branding.BrandingUpdate;
import com.circoflows.domain.branding.ButtonStyle;
import com.circoflows.domain.branding.StoredBranding;
import com.circoflows.domain.dashboard.DashboardRole;
import java.util.List;
import java.util.Map;

/**
 * Settings → Branding: the display name, brand and accent colours and button shape of the payment
 * page and the 3-D Secure page, with a preview of the payment page's pay button. "Preview" shows the
 * typed values without saving (the page works without JavaScript); with it, the preview follows the
 * fields as they change. Colours that would be unreadable are refused, as the API refuses them.
 */
public final class BrandingPages implements DashboardArea {
    static final String BRANDING = "/dashboard/settings/branding";

    private final BrandingSettings settings;

    public BrandingPages(BrandingSettings settings) {
        this.settings = settings;
    }

    @Override
    public void addTo(DashboardRoutes routes) {
        Access owners = Access.signedIn(DashboardRole::canEditBranding);
        routes.get(BRANDING, owners, visit -> {
            StoredBranding stored = settings.stored(visit.user().merchantId());
            return form(visit, 200, stored.branding(), stored.version(), Map.of(), List.of());
        });
        routes.post(BRANDING, owners, this::submit);
    }

    private ApiResponse submit(Visit visit) {
        String name = visit.field("display_name");
        String brand = visit.field("brand_color");
        String accent = visit.field("accent_color");
        String style = visit.field("button_style");
        long version = version(visit.field("version"));
        if ("preview".equals(visit.field("action"))) {
            BrandingRules.Checked checked = BrandingRules.check(name, brand, accent, style, null);
            Branding shown = checked.valid() ? checked.branding() : settings.current(visit.user().merchantId());
            return form(visit, checked.valid() ? 200 : 422, shown, version, checked.errors(), checked.notes(),
                    name, brand, accent, style);
        }
        BrandingOutcome outcome = settings.update(visit.user().merchantId(),
                new BrandingUpdate(name, brand, accent, style, version));
        if (outcome instanceof BrandingOutcome.Refused refused) {
            return form(visit, 422, settings.current(visit.user().merchantId()), version, refused.errors(), List.of(),
                    name, brand, accent, style);
        }
        if (outcome instanceof BrandingOutcome.Conflict conflict) {
            return form(visit, 409, conflict.current().branding(), conflict.current().version(), Map.of("version",
                    "Someone else saved the branding while you were editing it. This is what is saved now; "
                            + "make your change again."), List.of());
        }
        return visit.redirect(BRANDING, "branding_saved");
    }

    private ApiResponse form(Visit visit, int status, Branding shown, long version, Map<String, String> errors,
            List<String> notes) {
        return form(visit, status, shown, version, errors, notes, shown.displayName(), shown.brandColor().value(),
                shown.accentColor().value(), shown.buttonStyle().wireName());
    }

    private ApiResponse form(Visit visit, int status, Branding preview, long version, Map<String, String> errors,
            List<String> notes, String name, String brand, String accent, String style) {
        StringBuilder styles = new StringBuilder("<fieldset><legend>Button style</legend>");
        for (ButtonStyle each : ButtonStyle.values()) {
            String id = "f-button_style-" + each.wireName();
            styles.append("<div><input type=\"radio\" id=\"").append(id).append("\" name=\"button_style\" value=\"")
                    .append(each.wireName()).append('"').append(each.wireName().equals(style) ? " checked" : "")
                    .append("> <label for=\"").append(id).append("\">").append(label(each)).append("</label></div>");
        }
        styles.append("</fieldset>");
        StringBuilder notesHtml = new StringBuilder();
        notes.forEach(note -> notesHtml.append("<p class=\"muted\">").append(Html.escape(note)).append("</p>"));
        String body = "<h1>Branding</h1><p class=\"muted\">How your hosted payment page and the 3-D Secure page look "
                + "to your customers. Colours must stay readable (WCAG AA contrast).</p>"
                + Fields.errorSummary(errors) + notesHtml
                + "<div class=\"branding\"><div class=\"panel\">"
                + visit.form(BRANDING, "<input type=\"hidden\" name=\"version\" value=\"" + version + "\">"
                        + Fields.input("display_name", "Display name", "text", name,
                                "The name your customers see. Up to 60 characters.", errors.get("display_name"),
                                "maxlength=\"60\" required")
                        + Fields.input("brand_color", "Brand colour (the pay button)", "color", colour(brand), null,
                                errors.get("brand_color"), "")
                        + Fields.input("accent_color", "Accent colour (links)", "color", colour(accent), null,
                                errors.get("accent_color"), "")
                        + styles
                        + "<div class=\"actions\"><button class=\"secondary\" type=\"submit\" name=\"action\" value=\"preview\">"
                        + "Preview</button><button type=\"submit\" name=\"action\" value=\"save\">Save</button></div>")
                + "</div>"
                + "<section class=\"panel preview\" aria-labelledby=\"preview-heading\"><h2 id=\"preview-heading\">Preview</h2>"
                + "<div class=\"preview-page\"><p class=\"preview-name\" id=\"preview-name\">" + Html.escape(preview.displayName())
                + "</p><p>Total <strong>49.00 EUR</strong></p>"
                + "<span class=\"preview-button\" id=\"preview-button\">Pay 49.00 EUR</span>"
                + "<p><span class=\"preview-link\" id=\"preview-link\">Cancel and return to the shop</span></p></div>"
                + "</section></div>";
        return visit.page(status, "Branding", body, previewCss(preview));
    }

    /** The preview's rules, from checked values only (#rrggbb and an enum), scoped to the preview. */
    private static String previewCss(Branding branding) {
        String radius = switch (branding.buttonStyle()) {
            case ROUNDED -> "10px";
            case SQUARE -> "2px";
            case PILL -> "999px";
        };
        return ".branding{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:20px}"
                + "@media (max-width:720px){.branding{grid-template-columns:1fr}}"
                + ".preview-page{border:1px solid #dde1e8;border-radius:12px;padding:20px;background:#fff}"
                + ".preview-name{font-weight:700;font-size:1.1rem}"
                + ".preview-button{display:block;text-align:center;font-weight:600;padding:12px 16px;background:"
                + branding.brandColor().value() + ";color:" + branding.buttonTextColor().value() + ";border-radius:"
                + radius + "}"
                + ".preview-link{color:" + branding.accentColor().value() + ";text-decoration:underline}"
                + "input[type=color]{width:88px;height:44px;padding:2px}";
    }

    private static String label(ButtonStyle style) {
        return switch (style) {
            case ROUNDED -> "Rounded";
            case SQUARE -> "Square";
            case PILL -> "Pill";
        };
    }

    /** A colour input shows only #rrggbb; anything else typed is shown as black and refused on its own. */
    private static String colour(String typed) {
        return typed != null && typed.matches("^#[0-9a-fA-F]{6}$") ? typed.toLowerCase(java.util.Locale.ROOT) : "#000000";
    }

    private static long version(String raw) {
        try {
            return raw == null ? 0 : Long.parseLong(raw.strip());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }
}

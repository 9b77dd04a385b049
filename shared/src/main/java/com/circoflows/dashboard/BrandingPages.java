package com.circoflows.dashboard;

import com.circoflows.api.ApiResponse;
import com.circoflows.api.PublicUrls;
import com.circoflows.api.pages.Html;
import com.circoflows.domain.branding.Branding;
import com.circoflows.domain.branding.BrandingOutcome;
import com.circoflows.domain.branding.BrandingRules;
import com.circoflows.domain.branding.BrandingSettings;
import com.circoflows.domain.branding.BrandingUpdate;
import com.circoflows.domain.branding.ButtonStyle;
import com.circoflows.domain.branding.LogoImage;
import com.circoflows.domain.branding.StoredBranding;
import com.circoflows.domain.branding.upload.BrandingLogos;
import com.circoflows.domain.branding.upload.UploadForm;
import com.circoflows.domain.dashboard.DashboardRole;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * Settings → Branding: the display name, brand and accent colours, button shape and logo of the payment
 * page and the 3-D Secure page, with a preview of the payment page's header and pay button. "Preview"
 * shows the typed values without saving (the page works without JavaScript); with it, the preview follows
 * the fields as they change. Colours that would be unreadable are refused, as the API refuses them.
 *
 * <p>The logo (ADR 0021): the upload form posts the file straight to the upload bucket, which sends the
 * browser back to {@link #LOGO} with the upload's key; that page checks the file and shows it in the
 * preview with "Use this logo", which stores it. Refusals (too big, not a PNG, JPEG or WebP, SVG, gone)
 * show in the page's error summary, tied to the file field.
 */
public final class BrandingPages implements DashboardArea {
    static final String BRANDING = "/dashboard/settings/branding";
    static final String LOGO = BRANDING + "/logo";
    static final String LOGO_REMOVE = LOGO + "/remove";
    private static final String LOGO_FIELD = "logo";

    private final BrandingSettings settings;
    private final BrandingLogos logos;
    private final PublicUrls urls;

    public BrandingPages(BrandingSettings settings, BrandingLogos logos, PublicUrls urls) {
        this.settings = settings;
        this.logos = logos;
        this.urls = urls;
    }

    @Override
    public void addTo(DashboardRoutes routes) {
        Access owners = Access.signedIn(DashboardRole::canEditBranding);
        routes.get(BRANDING, owners, visit -> saved(visit, 200, Map.of()));
        routes.post(BRANDING, owners, this::submit);
        routes.get(LOGO, owners, this::uploaded);
        routes.post(LOGO, owners, this::useLogo);
        routes.post(LOGO_REMOVE, owners, this::removeLogo);
    }

    private ApiResponse submit(Visit visit) {
        String name = visit.field("display_name");
        String brand = visit.field("brand_color");
        String accent = visit.field("accent_color");
        String style = visit.field("button_style");
        long version = version(visit.field("version"));
        StoredBranding stored = settings.stored(visit.user().merchantId());
        LogoPanel logo = LogoPanel.current(currentLogo(visit, stored.branding()));
        if ("preview".equals(visit.field("action"))) {
            BrandingRules.Checked checked = BrandingRules.check(name, brand, accent, style,
                    stored.branding().logoReference());
            Branding shown = checked.valid() ? checked.branding() : stored.branding();
            return form(visit, checked.valid() ? 200 : 422, shown, version, checked.errors(), checked.notes(),
                    new Typed(name, brand, accent, style), logo);
        }
        BrandingOutcome outcome = settings.update(visit.user().merchantId(),
                new BrandingUpdate(name, brand, accent, style, version));
        if (outcome instanceof BrandingOutcome.Refused refused) {
            return form(visit, 422, stored.branding(), version, refused.errors(), List.of(),
                    new Typed(name, brand, accent, style), logo);
        }
        if (outcome instanceof BrandingOutcome.Conflict conflict) {
            return form(visit, 409, conflict.current().branding(), conflict.current().version(), Map.of("version",
                    "Someone else saved the branding while you were editing it. This is what is saved now; "
                            + "make your change again."), List.of(), Typed.of(conflict.current().branding()), logo);
        }
        return visit.redirect(BRANDING, "branding_saved");
    }

    /** Where the upload bucket sends the browser after a successful upload (with ?bucket=…&key=…&etag=…). */
    private ApiResponse uploaded(Visit visit) {
        String key = visit.query("key");
        BrandingLogos.Check check = logos.check(visit.user().merchantId(), key);
        if (check instanceof BrandingLogos.Check.Ready ready) {
            StoredBranding stored = settings.stored(visit.user().merchantId());
            return form(visit, 200, stored.branding(), stored.version(), Map.of(), List.of(),
                    Typed.of(stored.branding()), LogoPanel.pending(ready.image(), key));
        }
        return logoRefused(visit, check);
    }

    private ApiResponse useLogo(Visit visit) {
        BrandingLogos.Used used = logos.use(visit.user().merchantId(), visit.field("key"));
        if (used.saved() == null) {
            return logoRefused(visit, used.check());
        }
        if (used.saved() instanceof BrandingOutcome.Conflict) {
            return saved(visit, 409, Map.of(LOGO_FIELD, "Others kept saving the branding while the logo was being "
                    + "saved, so it wasn't. Upload it again."));
        }
        return visit.redirect(BRANDING, "logo_saved");
    }

    private ApiResponse removeLogo(Visit visit) {
        BrandingOutcome outcome = logos.remove(visit.user().merchantId());
        if (outcome instanceof BrandingOutcome.Conflict) {
            return saved(visit, 409, Map.of("remove-logo", "Others kept saving the branding meanwhile, so the logo "
                    + "is still there. Try again."));
        }
        return visit.redirect(BRANDING, "logo_removed");
    }

    private ApiResponse logoRefused(Visit visit, BrandingLogos.Check check) {
        if (check instanceof BrandingLogos.Check.Refused refused) {
            return saved(visit, 422, Map.of(LOGO_FIELD, refused.message()));
        }
        if (check instanceof BrandingLogos.Check.Gone) {
            return saved(visit, 410, Map.of(LOGO_FIELD, "This upload has expired or was already used. Choose the "
                    + "file and upload it again."));
        }
        throw new ApiException(ErrorCode.ROUTE_NOT_FOUND, "No such upload.");
    }

    /** The saved branding, with {@code errors} in the summary. */
    private ApiResponse saved(Visit visit, int status, Map<String, String> errors) {
        StoredBranding stored = settings.stored(visit.user().merchantId());
        return form(visit, status, stored.branding(), stored.version(), errors, List.of(), Typed.of(stored.branding()),
                LogoPanel.current(currentLogo(visit, stored.branding())));
    }

    private LogoImage currentLogo(Visit visit, Branding branding) {
        return settings.logoImage(visit.user().merchantId(), branding.logoReference()).orElse(null);
    }

    private ApiResponse form(Visit visit, int status, Branding preview, long version, Map<String, String> errors,
            List<String> notes, Typed typed, LogoPanel logo) {
        StringBuilder styles = new StringBuilder("<fieldset><legend>Button style</legend>");
        for (ButtonStyle each : ButtonStyle.values()) {
            String id = "f-button_style-" + each.wireName();
            styles.append("<div><input type=\"radio\" id=\"").append(id).append("\" name=\"button_style\" value=\"")
                    .append(each.wireName()).append('"').append(each.wireName().equals(typed.style) ? " checked" : "")
                    .append("> <label for=\"").append(id).append("\">").append(label(each)).append("</label></div>");
        }
        styles.append("</fieldset>");
        StringBuilder notesHtml = new StringBuilder();
        notes.forEach(note -> notesHtml.append("<p class=\"muted\">").append(Html.escape(note)).append("</p>"));
        LogoImage shownLogo = logo.pending != null ? logo.pending : logo.current;
        String uploadAction = "";
        String logoSection;
        if (logo.pending != null) {
            logoSection = "<p>This is your upload (" + Html.escape(describe(logo.pending)) + "), shown in the preview. "
                    + "Use it on your payment pages?</p>"
                    + visit.form(LOGO, "<input type=\"hidden\" name=\"key\" value=\"" + Html.escape(logo.pendingKey)
                            + "\"><div class=\"actions\"><button type=\"submit\">Use this logo</button>"
                            + "<a href=\"" + Html.escape(visit.link(BRANDING)) + "\">Cancel</a></div>");
        } else {
            UploadForm upload = logos.uploadForm(visit.user().merchantId(),
                    urls.absolute(visit.request(), LOGO));
            uploadAction = Html.origin(upload.action());
            logoSection = currentLogoHtml(visit, logo.current, preview.displayName()) + uploadForm(upload,
                    errors.get(LOGO_FIELD));
        }
        String body = "<h1>Branding</h1><p class=\"muted\">How your hosted payment page and the 3-D Secure page look "
                + "to your customers. Colours must stay readable (WCAG AA contrast).</p>"
                + Fields.errorSummary(errors) + notesHtml
                + "<div class=\"branding\"><div>"
                + "<div class=\"panel\">"
                + visit.form(BRANDING, "<input type=\"hidden\" name=\"version\" value=\"" + version + "\">"
                        + Fields.input("display_name", "Display name", "text", typed.name,
                                "The name your customers see. Up to 60 characters.", errors.get("display_name"),
                                "maxlength=\"60\" required")
                        + Fields.input("brand_color", "Brand colour (the pay button)", "color", colour(typed.brand),
                                null, errors.get("brand_color"), "")
                        + Fields.input("accent_color", "Accent colour (links)", "color", colour(typed.accent), null,
                                errors.get("accent_color"), "")
                        + styles
                        + "<div class=\"actions\"><button class=\"secondary\" type=\"submit\" name=\"action\" value=\"preview\">"
                        + "Preview</button><button type=\"submit\" name=\"action\" value=\"save\">Save</button></div>")
                + "</div>"
                + "<section class=\"panel\" aria-labelledby=\"logo-heading\"><h2 id=\"logo-heading\">Logo</h2>"
                + logoSection + "</section></div>"
                + "<section class=\"panel preview\" aria-labelledby=\"preview-heading\"><h2 id=\"preview-heading\">Preview</h2>"
                + "<div class=\"preview-page\">"
                + (shownLogo == null ? "" : "<p class=\"preview-logo\">" + img(shownLogo, preview.displayName()) + "</p>")
                + "<p class=\"preview-name\" id=\"preview-name\">" + Html.escape(preview.displayName())
                + "</p><p>Total <strong>49.00 EUR</strong></p>"
                + "<span class=\"preview-button\" id=\"preview-button\">Pay 49.00 EUR</span>"
                + "<p><span class=\"preview-link\" id=\"preview-link\">Cancel and return to the shop</span></p></div>"
                + "</section></div>";
        return visit.page(status, "Branding", body, previewCss(preview), uploadAction);
    }

    private String currentLogoHtml(Visit visit, LogoImage current, String displayName) {
        if (current == null) {
            return "<p class=\"muted\">No logo yet: the pages show the first letter of your display name.</p>";
        }
        return "<p class=\"current-logo\">" + img(current, "Your current logo (" + displayName + ")") + "</p>"
                + "<p class=\"muted\">" + Html.escape(describe(current)) + "</p>"
                + "<form id=\"f-remove-logo\" method=\"post\" action=\"" + LOGO_REMOVE + "\">" + visit.formFields(LOGO_REMOVE)
                + "<button class=\"danger\" type=\"submit\">Remove logo</button></form>";
    }

    /**
     * A multipart form straight to the upload bucket: its signed hidden fields first, the file last (the
     * bucket ignores anything after it). Posting it needs no script.
     */
    private static String uploadForm(UploadForm upload, String error) {
        StringBuilder html = new StringBuilder("<form method=\"post\" enctype=\"multipart/form-data\" action=\"")
                .append(Html.escape(upload.action())).append("\">");
        upload.fields().forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(Html.escape(name))
                .append("\" value=\"").append(Html.escape(value)).append("\">"));
        String described = "f-logo-hint" + (error == null ? "" : " f-logo-error");
        html.append("<div class=\"field\"><label for=\"f-logo\">Upload a logo</label>")
                .append("<span class=\"hint\" id=\"f-logo-hint\">A PNG, JPEG or WebP image of at most 100 KB and 2048 "
                        + "pixels on each side; SVG isn't accepted. It is shown up to 40 pixels high, so about "
                        + "400 × 120 pixels is plenty. After the upload you see it in the preview before it is used.</span>");
        if (error != null) {
            html.append("<span class=\"error\" id=\"f-logo-error\"><span class=\"visually-hidden\">Error: </span>")
                    .append(Html.escape(error)).append("</span>");
        }
        html.append("<input id=\"f-logo\" name=\"").append(UploadForm.FILE_FIELD)
                .append("\" type=\"file\" accept=\"image/png,image/jpeg,image/webp\" required aria-describedby=\"")
                .append(described).append('"').append(error == null ? "" : " aria-invalid=\"true\"").append("></div>")
                .append("<div class=\"actions\"><button class=\"secondary\" type=\"submit\">Upload logo</button></div>")
                .append("</form>");
        return html.toString();
    }

    private static String img(LogoImage logo, String alt) {
        return "<img class=\"logo-image\" alt=\"" + Html.escape(alt) + "\" width=\"" + logo.reference().width()
                + "\" height=\"" + logo.reference().height() + "\" src=\"data:" + logo.reference().format().mediaType()
                + ";base64," + java.util.Base64.getEncoder().encodeToString(logo.bytes()) + "\">";
    }

    private static String describe(LogoImage logo) {
        return logo.reference().format().name() + ", " + logo.reference().width() + " × " + logo.reference().height()
                + " pixels, " + ((logo.bytes().length + 1023) / 1024) + " KB";
    }

    /** The preview's rules, from checked values only (#rrggbb and an enum), scoped to the preview. */
    private static String previewCss(Branding branding) {
        String radius = switch (branding.buttonStyle()) {
            case ROUNDED -> "10px";
            case SQUARE -> "2px";
            case PILL -> "999px";
        };
        return ".branding{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:20px;align-items:start}"
                + "@media (max-width:720px){.branding{grid-template-columns:1fr}}"
                + ".preview-page{border:1px solid #dde1e8;border-radius:12px;padding:20px;background:#fff}"
                + ".preview-name{font-weight:700;font-size:1.1rem}"
                + ".logo-image{display:block;width:auto;height:auto;max-width:100%;max-height:40px}"
                + ".current-logo{padding:8px;border:1px dashed #dde1e8;border-radius:8px;display:inline-block;max-width:100%}"
                + "input[type=file]{font:inherit;max-width:100%}#f-remove-logo{margin:0 0 20px}"
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

    /** The form's fields as typed (or as saved). */
    private record Typed(String name, String brand, String accent, String style) {
        static Typed of(Branding branding) {
            return new Typed(branding.displayName(), branding.brandColor().value(), branding.accentColor().value(),
                    branding.buttonStyle().wireName());
        }
    }

    /** The logo section: the saved logo (or none), or an upload waiting for "Use this logo". */
    private record LogoPanel(LogoImage current, LogoImage pending, String pendingKey) {
        static LogoPanel current(LogoImage current) {
            return new LogoPanel(current, null, null);
        }

        static LogoPanel pending(LogoImage image, String key) {
            return new LogoPanel(null, image, key);
        }
    }
}

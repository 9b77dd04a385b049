package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.testing.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Settings → Branding → Logo over real HTTP, as a browser without JavaScript does it: the branding page's
 * upload form posts the file to the local S3 stand-in, which sends the browser back to the dashboard; the
 * checked logo is shown and used, and then appears on the hosted payment page, the 3-D Secure page and in
 * GET /api/branding. Wrong files are refused with the reason; another merchant's upload is not found.
 */
@EndToEnd
class LogoUploadIT {
    private static final String BRANDING = "/dashboard/settings/branding";
    private static final String LOGO = BRANDING + "/logo";
    private final E2e e2e;

    LogoUploadIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void anUploadedPngBecomesTheLogoOfTheMerchantsPaymentPagesAndItsApiBranding() {
        DashboardUser owner = DashboardUser.signUp(e2e, "Logo Test Roasters");
        byte[] png = TestImages.png(96, 32);

        DashboardUser.Page confirm = upload(owner, "logo.png", "image/png", png);

        assertEquals(200, confirm.status(), confirm.body());
        assertTrue(confirm.body().contains("Use this logo"), confirm.body());
        assertTrue(confirm.body().contains("src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)),
                "the preview shows the upload");
        String key = hidden(confirm.body(), "key");
        DashboardUser.Page used = owner.post(LOGO, confirm.tokenFor(LOGO), Map.of("key", key));
        assertEquals(303, used.status(), used.body());
        assertEquals(BRANDING + "?notice=logo_saved", used.location());
        DashboardUser.Page branding = owner.get(BRANDING + "?notice=logo_saved");
        assertTrue(branding.body().contains("Your logo has been saved."));
        assertTrue(branding.body().contains("Remove logo"));

        JsonNode logo = e2e.api(owner.firstApiKey()).get("/api/branding").data().path("logo");
        assertEquals("image/png", logo.path("content_type").asText());
        assertEquals(96, logo.path("width").asInt());
        assertEquals(32, logo.path("height").asInt());
        assertTrue(logo.path("id").asText().matches("[0-9a-f]{64}"));

        String image = "<img class=\"brand-logo\" alt=\"Logo Test Roasters\" width=\"96\" height=\"32\" "
                + "src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\">";
        String session = e2e.api(owner.firstApiKey()).post("/api/hosted-payment",
                "{\"amount\":2500,\"currency\":\"EUR\",\"description\":\"Beans\"}").data().path("session_id").asText();
        HttpResponse<String> payPage = get("/pay/" + session);
        assertEquals(200, payPage.statusCode());
        assertTrue(payPage.body().contains(image), payPage.body());
        assertTrue(payPage.headers().firstValue("content-security-policy").orElseThrow().contains("img-src 'self' data:"));

        String challenge = e2e.api(owner.firstApiKey()).pay(Payments.card(Payments.THREE_D_SECURE, "417")).data()
                .path("action_data").path("3ds_url").asText();
        assertTrue(get(URI.create(challenge).getPath()).body().contains(image), "the 3-D Secure page shows it too");

        DashboardUser.Page removed = owner.post(LOGO + "/remove", branding.tokenFor(LOGO + "/remove"), Map.of());
        assertEquals(303, removed.status(), removed.body());
        assertTrue(e2e.api(owner.firstApiKey()).get("/api/branding").data().path("logo").isNull());
        assertFalse(get("/pay/" + session).body().contains("<img"), "the pages show the initial again");

        DashboardUser.Page again = owner.post(LOGO, confirm.tokenFor(LOGO), Map.of("key", key));
        assertEquals(410, again.status());
        assertTrue(again.body().contains("This upload has expired or was already used."), again.body());
    }

    @Test
    void anSvgOrAnOversizeFileIsRefusedWithTheReasonAndNothingChanges() {
        DashboardUser owner = DashboardUser.signUp(e2e, "Vector Fan Shop");

        DashboardUser.Page svg = upload(owner, "logo.svg", "image/svg+xml", TestImages.svg());
        assertEquals(422, svg.status());
        assertTrue(svg.body().contains("SVG files aren&#39;t accepted, because an SVG file can contain scripts."), svg.body());
        assertTrue(svg.body().contains("<div class=\"error-summary\""), "in the page's error summary");
        assertTrue(svg.body().contains("aria-invalid=\"true\""), "tied to the file field");

        byte[] big = Arrays.copyOf(TestImages.png(40, 40), 150 * 1024);
        DashboardUser.Page tooBig = upload(owner, "huge.png", "image/png", big);
        assertEquals(422, tooBig.status());
        assertTrue(tooBig.body().contains("The logo is 150 KB; it can be at most 100 KB."), tooBig.body());

        assertTrue(e2e.api(owner.firstApiKey()).get("/api/branding").data().path("logo").isNull());
    }

    @Test
    void anotherMerchantCanNeitherSeeNorUseAnUpload() {
        DashboardUser ownerOfA = DashboardUser.signUp(e2e, "Tenant A Logos");
        DashboardUser personOfB = DashboardUser.signUp(e2e, "Tenant B Logos");
        String location = uploadLocation(ownerOfA, "logo.png", "image/png", TestImages.png(64, 32));
        String keyOfA = URI.create(location).getRawQuery().replaceAll(".*key=([^&]+).*", "$1").replace("%2F", "/");

        DashboardUser.Page seen = personOfB.get(relative(location));
        assertEquals(404, seen.status());
        assertFalse(seen.body().contains("Tenant A Logos") || seen.body().contains("data:image"));
        DashboardUser.Page taken = personOfB.post(LOGO, personOfB.get(BRANDING).tokenFor(BRANDING), Map.of("key", keyOfA));
        assertTrue(taken.status() == 403 || taken.status() == 404, () -> "B's post: " + taken.status());
        DashboardUser.Page takenWithToken = personOfB.post(LOGO, tokenOfUseForm(personOfB), Map.of("key", keyOfA));
        assertEquals(404, takenWithToken.status(), takenWithToken.body());
        assertTrue(e2e.api(personOfB.firstApiKey()).get("/api/branding").data().path("logo").isNull());

        assertEquals(200, ownerOfA.get(relative(location)).status(), "A's upload is still A's to use");
    }

    /** B's own token for the use form: B uploads a file of its own and takes the token from its confirm page. */
    private String tokenOfUseForm(DashboardUser person) {
        return upload(person, "own.png", "image/png", TestImages.png(48, 24)).tokenFor(LOGO);
    }

    private DashboardUser.Page upload(DashboardUser user, String fileName, String contentType, byte[] file) {
        return user.get(relative(uploadLocation(user, fileName, contentType, file)));
    }

    /** Posts the branding page's upload form to the bucket; answers where the bucket sends the browser. */
    private String uploadLocation(DashboardUser user, String fileName, String contentType, byte[] file) {
        DashboardUser.Page page = user.get(BRANDING);
        LogoUploadForm form = LogoUploadForm.on(page.body());
        assertTrue(form.html().contains("accept=\"image/png,image/jpeg,image/webp\""));
        assertTrue(form.html().contains("<label for=\"f-logo\">"));
        HttpResponse<String> posted = form.post(fileName, contentType, file);
        assertEquals(303, posted.statusCode(), posted.body());
        return posted.headers().firstValue("location").orElseThrow();
    }

    private String relative(String absolute) {
        assertTrue(absolute.startsWith(e2e.baseUrl() + LOGO + "?"), absolute);
        return absolute.substring(e2e.baseUrl().length());
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(e2e.baseUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package com.circoflows.localrunner.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.circoflows.domain.dashboard.Totp;
import com.circoflows.domain.dashboard.TotpSecret;
import com.circoflows.localrunner.e2e.Api;
import com.circoflows.localrunner.e2e.DashboardUser;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.LogoUploadForm;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.e2e.Payments;
import com.circoflows.localrunner.e2e.TemplateRoutes;
import com.circoflows.localstack.HttpRoute;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import com.circoflows.testing.TestImages;
import com.circoflows.testsupport.WebhookReceiver;
import com.circoflows.testsupport.WebhookReceiver.Answering;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A signed-in owner posts hostile versions of every dashboard form, each with the form's valid CSRF
 * token (so the input reaches the page's own checks rather than stopping at the token): values too long,
 * in other scripts, with control characters, as huge or negative numbers, as other merchants' ids;
 * fields missing, repeated or added. Every answer is a page or a redirect with the dashboard's security
 * headers, never a 5xx or an internal, and the owner is still signed in after. The forms come from the
 * pages themselves and the routes from template.yaml, so a new form is fuzzed without editing this test.
 * Without the token, every form is refused (403) and nothing changes.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardFormFuzzIT {
    /** Printed in every failure: the same seed replays the same cases. */
    private static final long SEED = 0x5eed_da5b_0a2dL;
    private static final int CASES_PER_FORM = 14;
    /** Answers 200 only to a person signed in (a visitor is sent to the sign-in page). */
    private static final String SIGNED_IN_PAGE = "/dashboard/account";
    private static final Pattern FORM_WITH_TOKEN = Pattern.compile(
            "action=\"([^\"]+)\"><input type=\"hidden\" name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final Pattern SETUP_KEY = Pattern.compile("data-copy=\"setup key\">([^<]+)</code>");
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bat com\\.|\\bat java\\.|java\\.lang|NullPointer|software\\.amazon|stack ?trace",
            Pattern.CASE_INSENSITIVE);
    /** These end the session they are posted with; they take no field but the token and are checked without it. */
    private static final Set<String> ENDS_THE_SESSION = Set.of("/dashboard/logout",
            "/dashboard/account/sign-out-everywhere");
    private static final List<String> HOSTILE_VALUES = List.of(
            "", " ", "x".repeat(20_000), "\u202eevil\u202c", "日本語のテキスト", "😀😀😀", "a\u0000b", "\r\n\tline",
            "-1", "0", "-99999999999999999999", "99999999999999999999", "1e309", "NaN", "0x1F", "12.345",
            "txn_000000000000000000000000", "sess_000000000000000000000000", "usr_000000000000000000000",
            "key_000000000000000000000000", "evt_000000000000000000000000", "../../etc/passwd",
            "<script>alert(1)</script>", "\"><img src=x>", "' OR '1'='1", "{\"$gt\":\"\"}", "%00%ff", "%",
            "javascript:alert(1)", "ftp://files.example/x", "#zzzzzz", "#FFFFFF", "owner",
            "viewer", "superuser", "live", "test", "true", "on", "2026-13-45", "\ud800");

    private final E2e e2e;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private WebhookReceiver receiver;
    private DashboardUser owner;
    private Api api;
    private DashboardForms forms;
    /** Each form a page showed: its action (with the real ids in it) and its token. */
    private final Map<String, String> tokenByAction = new LinkedHashMap<>();
    private List<HttpRoute> postRoutes;

    DashboardFormFuzzIT(E2e e2e) {
        this.e2e = e2e;
    }

    @BeforeAll
    void anOwnerWithOneOfEverything() {
        owner = DashboardUser.signUp(e2e, "Fuzzed Forms Ltd");
        api = e2e.api(owner.firstApiKey());
        // Test events the fuzz sends go here, never out of the machine.
        receiver = WebhookReceiver.start().answer(Answering.always(204));
        assertEquals(200, api.call("PUT", "/api/webhook-endpoint", "{\"url\":\"" + receiver.url("/fuzz") + "\"}")
                .status());
        String paid = api.pay(Payments.card(Payments.SUCCESS, "611")).data().path("transaction_id").asText();
        ObjectNode manual = Payments.card(Payments.SUCCESS, "612");
        manual.put("capture_method", "manual");
        String authorized = api.pay(manual).data().path("transaction_id").asText();
        String session = api.post("/api/hosted-payment", "{\"amount\":1500,\"currency\":\"EUR\",\"description\":\"Fuzzed order\"}").data()
                .path("session_id").asText();
        String event = api.post("/api/webhook-endpoint/test", "").data().path("event_id").asText();
        owner.submit("/dashboard/team", "/dashboard/team/invite", Map.of("email", "fuzz-dev@example.com",
                "role", "developer"));
        postRoutes = TemplateRoutes.all(e2e).stream()
                .filter(route -> route.method().equals("POST") && route.path().startsWith("/dashboard"))
                .collect(Collectors.toList());
        // A rotated secret shows "stop signing with the previous secret"; two-step verification, its forms.
        assertEquals(200, api.post("/api/webhook-endpoint/rotate-secret", "").status());
        List<String> pages = new ArrayList<>();
        pages.addAll(turnOnTwoStepVerification());
        pages.add(useALogo());
        for (String path : List.of("/dashboard/payments", "/dashboard/payments/" + paid,
                "/dashboard/payments/" + authorized, "/dashboard/sessions", "/dashboard/sessions/" + session,
                "/dashboard/settings/api-keys", "/dashboard/settings/webhooks",
                "/dashboard/settings/webhooks/events/" + event, "/dashboard/settings/branding", "/dashboard/team",
                "/dashboard/account")) {
            DashboardUser.Page page = owner.get(path);
            assertEquals(200, page.status(), () -> path + ": " + page.body());
            pages.add(page.body());
            collectTokens(page.body());
        }
        forms = DashboardForms.readFrom(pages, postRoutes);
    }

    /**
     * The account page with "set up" and the enrolment page with "turn on" (their forms are read from
     * them), after which the account page offers "turn off".
     */
    private List<String> turnOnTwoStepVerification() {
        String offered = owner.get(SIGNED_IN_PAGE).body();
        collectTokens(offered);
        DashboardUser.Page started = owner.submit(SIGNED_IN_PAGE, "/dashboard/account/two-factor", Map.of());
        DashboardUser.Page enrolment = started.status() == 303 ? owner.get(started.location()) : started;
        assertEquals(200, enrolment.status(), enrolment::body);
        collectTokens(enrolment.body());
        Matcher setupKey = SETUP_KEY.matcher(enrolment.body());
        assertTrue(setupKey.find(), enrolment::body);
        TotpSecret secret = TotpSecret.fromBase32(setupKey.group(1).replace(" ", ""));
        DashboardUser.Page confirmed = owner.post("/dashboard/account/two-factor/confirm",
                enrolment.tokenFor("/dashboard/account/two-factor/confirm"),
                Map.of("secret", secret.base32(), "code", Totp.standard().codeAt(secret, Instant.now())));
        assertEquals(200, confirmed.status(), confirmed::body);
        assertTrue(confirmed.body().contains("<title>Recovery codes"), "two-step verification is on");
        return List.of(offered, enrolment.body());
    }

    /**
     * Uploads a logo through the branding page's form (to the local S3 stand-in and back) and uses it: the
     * page with "Use this logo" is returned, and the branding page then offers "Remove logo".
     */
    private String useALogo() {
        DashboardUser.Page branding = owner.get("/dashboard/settings/branding");
        HttpResponse<String> landed = LogoUploadForm.on(branding.body()).post("logo.png", "image/png",
                TestImages.png(64, 32));
        assertEquals(303, landed.statusCode(), landed::body);
        String back = landed.headers().firstValue("location").orElseThrow();
        DashboardUser.Page preview = owner.get(back.substring(e2e.baseUrl().length()));
        assertEquals(200, preview.status(), preview::body);
        collectTokens(preview.body());
        Matcher key = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(preview.body());
        assertTrue(key.find(), preview::body);
        String logo = "/dashboard/settings/branding/logo";
        assertEquals(303, owner.post(logo, preview.tokenFor(logo), Map.of("key", key.group(1))).status());
        return preview.body();
    }

    private void collectTokens(String html) {
        Matcher form = FORM_WITH_TOKEN.matcher(html);
        while (form.find()) {
            tokenByAction.putIfAbsent(unescape(form.group(1)), form.group(2));
        }
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    @Test
    @Order(2)
    void hostileFormsWithAValidTokenGetAPageOrARedirectNeverAnError() {
        Random random = new Random(SEED);
        List<String> fuzzed = new ArrayList<>();
        for (Map.Entry<String, String> form : tokenByAction.entrySet()) {
            String action = form.getKey();
            String path = action.contains("?") ? action.substring(0, action.indexOf('?')) : action;
            HttpRoute route = postRoutes.stream().filter(each -> TemplateRoutes.anyMatches(List.of(each), "POST", path))
                    .findFirst().orElse(null);
            if (route == null || ENDS_THE_SESSION.contains(route.path())) {
                continue;
            }
            fuzzed.add(route.path());
            int refusedForTheToken = 0;
            for (int i = 0; i < CASES_PER_FORM; i++) {
                String body = hostileBody(random, forms.fieldsOf(route), form.getValue());
                HttpResponse<String> answer = post(action, body, true);
                assertIsAPageOrRedirect(answer, "POST " + action + " " + abbreviated(body));
                refusedForTheToken += answer.statusCode() == 403 ? 1 : 0;
            }
            assertTrue(refusedForTheToken < CASES_PER_FORM, "the hostile forms of " + action
                    + " got past the CSRF check to the page's own (seed " + SEED + ")");
            HttpResponse<String> home = get(SIGNED_IN_PAGE);
            assertEquals(200, home.statusCode(), "still signed in after fuzzing " + action + " (seed " + SEED + ")");
        }
        List<String> unfuzzed = postRoutes.stream().map(HttpRoute::path)
                .filter(path -> !fuzzed.contains(path) && !ENDS_THE_SESSION.contains(path) && !beforeSignIn(path))
                .distinct().collect(Collectors.toList());
        assertTrue(unfuzzed.isEmpty(), "no page showed a form for " + unfuzzed + ": add the object that shows it");
    }

    /** First: the hostile forms may revoke the key this test reads the API with. */
    @Test
    @Order(1)
    void everyFormPostedWithoutItsTokenIsRefusedAndChangesNothing() {
        String keysBefore = keysLeavingOutTheirUse();
        String brandingBefore = api.get("/api/branding").data().toString();
        String teamBefore = owner.get("/dashboard/team").body().replaceAll("nonce-[^']+|nonce=\"[^\"]+\"|value=\"[^\"]+\"", "");
        for (HttpRoute route : postRoutes) {
            String action = tokenByAction.keySet().stream()
                    .filter(each -> TemplateRoutes.anyMatches(List.of(route), "POST", each.split("\\?")[0]))
                    .findFirst().orElse(TemplateRoutes.substitute(route, name -> "zz_000000000000000000000000"));
            StringBuilder body = new StringBuilder();
            for (DashboardForms.Field field : forms.fieldsOf(route)) {
                body.append(body.length() == 0 ? "" : "&").append(encode(field.name())).append('=')
                        .append(encode(field.secret() ? DashboardUser.PASSWORD : sensible(field)));
            }
            HttpResponse<String> answer = post(action, body.toString(), true);
            assertEquals(403, answer.statusCode(), () -> "POST " + action + " without a token: " + answer.body());
            assertIsAPageOrRedirect(answer, "POST " + action + " without a token");
        }
        assertEquals(200, get(SIGNED_IN_PAGE).statusCode(), "a forged sign-out signs nobody out");
        assertEquals(keysBefore, keysLeavingOutTheirUse(), "no key made or revoked");
        assertEquals(brandingBefore, api.get("/api/branding").data().toString(), "branding unchanged");
        assertEquals(teamBefore, owner.get("/dashboard/team").body()
                .replaceAll("nonce-[^']+|nonce=\"[^\"]+\"|value=\"[^\"]+\"", ""), "team unchanged");
    }

    /**
     * The merchant's keys as listed, without last_used_at: listing them uses the key, so that time moves
     * whenever the two listings fall in different seconds, which says nothing about a key made or revoked.
     */
    private String keysLeavingOutTheirUse() {
        JsonNode keys = api.get("/api/keys").data().path("keys").deepCopy();
        keys.forEach(key -> ((ObjectNode) key).remove("last_used_at"));
        return keys.toString();
    }

    /** Sign-in and sign-up are posted before any session: an overlong email must not reach a DynamoDB key. */
    @Test
    @Order(3)
    void anOverlongEmailAtSignInIsRefusedLikeAWrongPasswordAndAtSignUpAsInvalid() {
        String overlong = "a".repeat(5_000) + "@example.com";
        DashboardUser visitor = DashboardUser.visitor(e2e);

        DashboardUser.Page signIn = visitor.submit("/dashboard/login", "/dashboard/login",
                Map.of("email", overlong, "password", DashboardUser.PASSWORD));
        DashboardUser.Page signUp = visitor.submit("/dashboard/signup", "/dashboard/signup",
                Map.of("business_name", "Overlong Ltd", "email", overlong, "password", DashboardUser.PASSWORD));

        assertEquals(422, signIn.status(), signIn::body);
        assertTrue(signIn.body().contains("role=\"alert\""), signIn::body);
        assertEquals(422, signUp.status(), signUp::body);
    }

    /** The form as the page gives it, with one to three of its fields made hostile, dropped, doubled or added. */
    private String hostileBody(Random random, List<DashboardForms.Field> fields, String token) {
        List<String[]> pairs = new ArrayList<>();
        for (DashboardForms.Field field : fields) {
            pairs.add(new String[] {field.name(), field.secret() ? "" : sensible(field)});
        }
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            int kind = random.nextInt(5);
            String hostile = HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
            if (pairs.isEmpty() || kind == 0) {
                List<String> names = forms.allNames();
                pairs.add(new String[] {names.get(random.nextInt(names.size())), hostile});
            } else if (kind == 1) {
                pairs.remove(random.nextInt(pairs.size()));
            } else if (kind == 2) {
                String[] copied = pairs.get(random.nextInt(pairs.size()));
                pairs.add(new String[] {copied[0], hostile});
            } else {
                pairs.get(random.nextInt(pairs.size()))[1] = hostile;
            }
        }
        StringBuilder body = new StringBuilder("csrf_token=").append(encode(token));
        for (String[] pair : pairs) {
            body.append('&').append(encode(pair[0])).append('=');
            // Now and then the raw bytes, not form-encoded: a broken %-escape or a bare '&' must not break the page.
            body.append(random.nextInt(6) == 0 ? pair[1] : encode(pair[1]));
        }
        return body.toString();
    }

    private String sensible(DashboardForms.Field field) {
        if (!field.value().isEmpty()) {
            return field.value();
        }
        if (field.name().equals("url")) {
            return receiver.url("/fuzz");
        }
        switch (field.type()) {
            case "email":
                return "someone@example.com";
            case "number":
                return "100";
            default:
                return "fuzz";
        }
    }

    private void assertIsAPageOrRedirect(HttpResponse<String> answer, String what) {
        String context = what + " (seed " + SEED + ") answered " + answer.statusCode();
        assertTrue(answer.statusCode() < 500, () -> context + ": " + answer.body());
        assertTrue(answer.statusCode() == 200 || answer.statusCode() == 303 || (answer.statusCode() >= 400
                && answer.statusCode() < 500), () -> context);
        assertFalse(INTERNALS.matcher(answer.body()).find(), () -> context + " shows internals: " + answer.body());
        String policy = answer.headers().firstValue("content-security-policy").orElse("");
        if (answer.statusCode() != 303) {
            assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("'nonce-"), () -> context
                    + " has the page's CSP: " + policy);
            assertTrue(answer.headers().firstValue("cache-control").orElse("").contains("no-store"), context);
            assertTrue(answer.headers().firstValue("content-type").orElse("").startsWith("text/html"), context);
        }
    }

    private static boolean beforeSignIn(String path) {
        return path.equals("/dashboard/signup") || path.startsWith("/dashboard/login");
    }

    private HttpResponse<String> post(String action, String body, boolean withCookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(e2e.baseUrl() + action))
                .timeout(Duration.ofSeconds(30)).header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, withCookies);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(e2e.baseUrl() + path)).timeout(Duration.ofSeconds(30)).GET(),
                true);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean withCookies) {
        if (withCookies && !owner.cookieHeader().isEmpty()) {
            request.header("cookie", owner.cookieHeader());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            owner.keepCookies(response.headers().allValues("set-cookie"));
            return response;
        } catch (IOException e) {
            return fail("the runner dropped the connection (seed " + SEED + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "… (" + body.length() + " chars)";
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
    }
}

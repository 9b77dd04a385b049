package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.dashboard.Totp;
import com.circoflows.domain.dashboard.TotpSecret;
import com.circoflows.localrunner.e2e.E2e;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Two-step verification in Chromium: an owner turns it on from Account with a code an authenticator
 * app would show for the setup key on the page (computed with the project's own {@link Totp}), keeps
 * the recovery codes, and from then on signs in with a code, or with a recovery code once.
 */
@BrowserTest
class DashboardTwoStepBrowserIT {
    private final E2e e2e;

    DashboardTwoStepBrowserIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void ownerTurnsOnTwoStepVerificationThenSignsInWithACodeAndOnceWithARecoveryCode(Browser browser) {
        DashboardVisit dashboard = new DashboardVisit(browser, e2e.baseUrl(), "dashboard-2fa");
        String email = DashboardVisit.uniqueEmail("two.step");
        dashboard.signUp("Two Step Tea", email).follow("Go to your dashboard").follow("Account");
        assertEquals("Your account", dashboard.heading());
        dashboard.look("01-account");

        dashboard.press("Set up two-step verification");
        assertEquals("Set up two-step verification", dashboard.heading());
        String setupKey = browser.find(By.cssSelector("code.secret[data-copy='setup key']")).getText().replace(" ", "");
        TotpSecret secret = TotpSecret.fromBase32(setupKey);
        dashboard.look("02-setup");
        dashboard.type("code", Totp.standard().codeAt(secret, Instant.now())).press("Turn on");

        assertEquals("Two-step verification is on", dashboard.heading());
        List<String> recoveryCodes = browser.findAll(By.cssSelector("ul.secret li")).stream()
                .map(WebElement::getText).map(String::strip).toList();
        assertEquals(10, recoveryCodes.size(), dashboard.text());
        assertEquals(String.join("\n", recoveryCodes), dashboard.copy("recovery codes"), "one code a line");
        dashboard.look("03-recovery-codes");
        dashboard.follow("Back to your account");
        assertTrue(dashboard.text().contains("Recovery codes left: 10"), dashboard.text());
        dashboard.press("Sign out");

        dashboard.signIn(email);
        assertTrue(dashboard.path().startsWith("/dashboard/login/verify"), dashboard.path());
        assertEquals("Two-step verification", dashboard.heading());
        dashboard.look("04-verify");
        // The next step's code: the one used to turn it on may not be used again, and the window allows one step ahead.
        dashboard.type("code", Totp.standard().codeAt(secret, Instant.now().plusSeconds(Totp.STEP_SECONDS)))
                .press("Verify");
        assertTrue(dashboard.path().startsWith("/dashboard/payments"), dashboard.path());
        assertEquals("Payments", dashboard.heading());
        dashboard.press("Sign out");

        dashboard.signIn(email).type("code", recoveryCodes.get(0)).press("Verify");
        assertTrue(dashboard.path().startsWith("/dashboard/account"), dashboard.path());
        assertTrue(dashboard.notice().contains("You signed in with a recovery code"), dashboard.notice());
        assertTrue(dashboard.text().contains("Recovery codes left: 9"), dashboard.text());
        dashboard.look("05-signed-in-with-recovery-code");
        dashboard.press("Sign out");

        dashboard.signIn(email).type("code", recoveryCodes.get(0)).press("Verify");
        assertTrue(dashboard.path().startsWith("/dashboard/login/verify"), "a recovery code works once: " + dashboard.path());
        assertTrue(browser.find(By.cssSelector(".error-summary")).isDisplayed(), dashboard.text());
    }
}

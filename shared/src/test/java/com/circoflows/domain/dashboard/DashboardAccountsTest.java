package com.circoflows.domain.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.StoredApiKey;
import com.circoflows.testing.CountingSecretHasher;
import com.circoflows.testing.InMemoryApiKeyRepository;
import com.circoflows.testing.InMemoryDashboardSessionRepository;
import com.circoflows.testing.InMemoryDashboardUserRepository;
import com.circoflows.testing.InMemoryLoginAttemptStore;
import com.circoflows.testing.InMemoryMerchantRepository;
import com.circoflows.testing.MutableClock;
import com.circoflows.testing.TestClocks;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dashboard's accounts over in-memory stores, with real bcrypt (cost 4), TOTP and throttling. */
class DashboardAccountsTest {
    private static final String BUSINESS = "Acme Books";
    private static final String EMAIL = "ana@example.com";
    private static final String PASSWORD = "tall giraffes read slowly";
    private static final String NEW_PASSWORD = "seven quiet lanterns glow";
    private static final String ADDRESS = "198.51.100.7";

    private final MutableClock clock = MutableClock.atTestNow();
    private final InMemoryMerchantRepository merchants = new InMemoryMerchantRepository();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final InMemoryDashboardUserRepository users = new InMemoryDashboardUserRepository();
    private final InMemoryDashboardSessionRepository sessions = new InMemoryDashboardSessionRepository();
    private final InMemoryLoginAttemptStore attempts = new InMemoryLoginAttemptStore();
    private final Totp totp = Totp.standard();
    private final DashboardAccounts accounts = accountsHashingAtCost(4);
    private final DashboardTeam team = new DashboardTeam(users, sessions, new PasswordHasher(4), clock);

    // ---- sign-up ----------------------------------------------------------------------------------

    @Test
    void signUpCreatesAMerchantItsOwnerAndAFirstTestKeyShownOnce() {
        SignedUp signedUp = accounts.signUp("  " + BUSINESS + " ", " Ana@Example.COM ", PASSWORD, ADDRESS).value();

        assertEquals(List.of(signedUp.merchant()), merchants.all());
        assertEquals(BUSINESS, signedUp.merchant().name());
        DashboardUser owner = signedUp.owner();
        assertTrue(owner.userId().matches("usr_[0-9A-Za-z]{20}"), owner.userId());
        assertEquals(EMAIL, owner.email(), "stored in lower case, without spaces");
        assertEquals(DashboardRole.OWNER, owner.role());
        assertEquals(signedUp.merchant().merchantId(), owner.merchantId());
        assertEquals(Optional.of(owner), users.findByEmail(EMAIL));
        assertFalse(owner.totpEnabled());
        assertFalse(owner.mustChangePassword());
        assertNotEquals(PASSWORD, owner.passwordHash());
        assertTrue(new PasswordHasher(4).matches(PASSWORD, owner.passwordHash()));

        StoredApiKey key = keys.all().get(0);
        assertEquals(1, keys.all().size());
        assertEquals(Mode.TEST, key.mode());
        assertEquals(owner.merchantId(), key.merchantId());
        assertTrue(signedUp.firstTestKey().fullKey().startsWith("cf_test_"));
        assertFalse(key.secretHash().contains(signedUp.firstTestKey().fullKey().substring(20)),
                "only the key's hash is kept");
        assertEquals(signedUp.webhookSecret(), merchants.webhookSecretOf(owner.merchantId()));

        SignedInUser signedIn = accounts.authenticate(signedUp.session().token()).orElseThrow();
        assertEquals(owner.userId(), signedIn.user().userId());
        String shown = signedUp.toString();
        for (String secret : List.of(signedUp.session().token(), signedUp.firstTestKey().fullKey(),
                signedUp.webhookSecret().value(), owner.passwordHash(), PASSWORD)) {
            assertFalse(shown.contains(secret), "toString shows no secret: " + shown);
        }
    }

    @Test
    void aTakenEmailIsRefusedLikeOtherBadInputAndCreatesNoMerchant() {
        signUp();

        AccountOutcome<SignedUp> again = accounts.signUp("Other Shop", "ANA@example.com", NEW_PASSWORD, ADDRESS);

        assertEquals(AccountRefusal.Reason.EMAIL_TAKEN, again.refusal().reason());
        assertEquals(1, merchants.all().size());
        assertEquals(1, keys.all().size());
        assertEquals(1, users.all().size());
    }

    @Test
    void aSignUpThatLosesTheRaceForItsEmailIsRefusedAndLeavesOnlyAMerchantWithoutUsers() {
        List<AccountOutcome<SignedUp>> racer = new ArrayList<>();
        users.beforeNextCreate(() -> racer.add(accounts.signUp("Racer Ltd", EMAIL, NEW_PASSWORD, ADDRESS)));

        AccountOutcome<SignedUp> late = accounts.signUp(BUSINESS, EMAIL, PASSWORD, ADDRESS);

        assertEquals(AccountRefusal.Reason.EMAIL_TAKEN, late.refusal().reason());
        assertTrue(racer.get(0).isDone());
        assertEquals(2, merchants.all().size(), "the loser's merchant stays, harmlessly");
        assertEquals(List.of(racer.get(0).value().owner()), users.all());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ana", "ana@", "@example.com", "ana@example", "ana@@example.com", "ana@b@example.com",
        "ana@example.", "ana@.example.com", "ana smith@example.com", "ana:x@example.com", "ana@exa..mple.com"})
    void aMalformedEmailIsRefusedAndNothingIsStored(String email) {
        AccountOutcome<SignedUp> outcome = accounts.signUp(BUSINESS, email, PASSWORD, ADDRESS);

        assertEquals(AccountRefusal.Reason.INVALID_EMAIL, outcome.refusal().reason());
        assertNothingStored();
    }

    @Test
    void anEmailOf254CharactersIsAcceptedButNotLonger() {
        String domain = "@example.com";
        String longest = "a".repeat(254 - domain.length()) + domain;

        assertEquals(AccountRefusal.Reason.INVALID_EMAIL,
                accounts.signUp(BUSINESS, "a" + longest, PASSWORD, ADDRESS).refusal().reason());
        assertTrue(accounts.signUp(BUSINESS, longest, PASSWORD, ADDRESS).isDone());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aBusinessNameIsNeeded(String name) {
        assertEquals(AccountRefusal.Reason.INVALID_BUSINESS_NAME,
                accounts.signUp(name, EMAIL, PASSWORD, ADDRESS).refusal().reason());
        assertNothingStored();
    }

    @Test
    void aBusinessNameOfAHundredCharactersIsAcceptedButNotLonger() {
        assertEquals(AccountRefusal.Reason.INVALID_BUSINESS_NAME,
                accounts.signUp("n".repeat(101), EMAIL, PASSWORD, ADDRESS).refusal().reason());
        assertTrue(accounts.signUp(" " + "n".repeat(100) + " ", EMAIL, PASSWORD, ADDRESS).isDone());
    }

    @Test
    void aWeakPasswordIsRefusedWithThePolicysReason() {
        AccountRefusal common = accounts.signUp(BUSINESS, EMAIL, "Password1234", ADDRESS).refusal();
        AccountRefusal name = accounts.signUp("Acme Books Limited", EMAIL, "acme books limited", ADDRESS).refusal();
        AccountRefusal email = accounts.signUp(BUSINESS, "someone.long@example.com", "Someone.Long@example.com",
                ADDRESS).refusal();

        assertEquals(AccountRefusal.weakPassword(PasswordRefusal.TOO_COMMON), common);
        assertEquals(PasswordRefusal.TOO_COMMON.message(), common.message());
        assertEquals(PasswordRefusal.SAME_AS_BUSINESS_NAME, name.passwordRefusal());
        assertEquals(PasswordRefusal.SAME_AS_EMAIL, email.passwordRefusal());
        assertNothingStored();
    }

    // ---- sign-in ----------------------------------------------------------------------------------

    @Test
    void theRightPasswordSignsInWithAFreshSessionEveryTime() {
        SignedUp signedUp = signUp();

        SignInResult.SignedIn first = assertInstanceOf(SignInResult.SignedIn.class,
                accounts.signIn(" ANA@example.com", PASSWORD, ADDRESS));
        SignInResult.SignedIn second = assertInstanceOf(SignInResult.SignedIn.class, signIn(PASSWORD));

        assertNotEquals(signedUp.session().token(), first.session().token());
        assertNotEquals(first.session().token(), second.session().token());
        assertEquals(signedUp.owner().userId(), accounts.authenticate(first.session().token()).orElseThrow()
                .user().userId());
        assertEquals(3, accounts.sessions(signedUp.owner().userId()).size());
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        signUp();

        SignInResult unknown = accounts.signIn("nobody@example.com", PASSWORD, ADDRESS);
        SignInResult wrong = signIn(NEW_PASSWORD);

        assertEquals(new SignInResult.Refused(SignInResult.Reason.WRONG_EMAIL_OR_PASSWORD), unknown);
        assertEquals(unknown, wrong);
        assertEquals("Wrong email or password.", ((SignInResult.Refused) wrong).message());
        assertEquals(1, sessions.all().size(), "only the sign-up's session");
        assertEquals(1, attempts.accounts().get("nobody@example.com").consecutiveFailures(),
                "an unknown email is throttled like a real one");
    }

    @Test
    void sixthWrongPasswordMakesTheNextTryWait() {
        signUp();
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(SignInResult.Refused.class, signIn(NEW_PASSWORD));
        }
        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(SignInResult.Refused.class, signIn(NEW_PASSWORD));

        SignInResult.Throttled waiting = assertInstanceOf(SignInResult.Throttled.class, signIn(PASSWORD));

        assertEquals(LoginLimit.ACCOUNT, waiting.limit());
        assertEquals(Duration.ofSeconds(2), waiting.retryAfter());
        assertEquals("Too many attempts. Try again in 2 seconds.", waiting.message());
        clock.advance(Duration.ofSeconds(2));
        assertInstanceOf(SignInResult.SignedIn.class, signIn(PASSWORD));
        assertFalse(attempts.accounts().containsKey(EMAIL), "a success starts the count again");
    }

    @Test
    void aPasswordHashedAtALowerCostIsRehashedAtSignInWithoutEndingSessions() {
        SignedUp signedUp = signUp();
        DashboardAccounts costlier = accountsHashingAtCost(5);

        assertInstanceOf(SignInResult.SignedIn.class, costlier.signIn(EMAIL, PASSWORD, ADDRESS));

        DashboardUser after = users.findById(signedUp.owner().userId()).orElseThrow();
        assertTrue(after.passwordHash().startsWith("$2a$05$"), "rehashed at the new cost");
        assertEquals(signedUp.owner().passwordChangedAt(), after.passwordChangedAt(), "not a password change");
        assertTrue(accounts.authenticate(signedUp.session().token()).isPresent());
        assertInstanceOf(SignInResult.SignedIn.class, costlier.signIn(EMAIL, PASSWORD, ADDRESS));
    }

    // ---- second factor ----------------------------------------------------------------------------

    @Test
    void totpIsOnOnlyOnceTheAppShowsARightCode() {
        DashboardUser owner = signUp().owner();
        TotpEnrolment enrolment = accounts.enableTotp(owner.userId()).value();

        assertTrue(enrolment.otpauthUri().startsWith("otpauth://totp/CircoFlows:ana%40example.com?secret="
                + enrolment.secret().base32()));
        assertFalse(users.findById(owner.userId()).orElseThrow().totpEnabled(), "nothing stored before the code");
        assertEquals(AccountRefusal.Reason.WRONG_CODE,
                accounts.confirmTotp(owner.userId(), enrolment.secret(), "000000").refusal().reason());

        IssuedRecoveryCodes codes = accounts.confirmTotp(owner.userId(), enrolment.secret(),
                totp.codeAt(enrolment.secret(), clock.instant())).value();

        DashboardUser after = users.findById(owner.userId()).orElseThrow();
        assertEquals(enrolment.secret().base32(), after.totpSecret());
        assertEquals(Totp.stepAt(clock.instant()), after.totpLastUsedStep(), "the confirming code is used up");
        assertEquals(10, codes.codes().size());
        assertEquals(codes.storedHashes(), after.recoveryCodeHashes());
        assertEquals(AccountRefusal.Reason.TOTP_ALREADY_ENABLED,
                accounts.enableTotp(owner.userId()).refusal().reason());
    }

    @Test
    void totpUserGetsASecondFactorStepNotASession() {
        DashboardUser owner = signUp().owner();
        TotpSecret secret = enrolTotp(owner).secret;

        SignInResult.SecondFactorNeeded step = assertInstanceOf(SignInResult.SecondFactorNeeded.class,
                signIn(PASSWORD));

        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), step.expiresAt());
        assertEquals(Optional.empty(), accounts.authenticate(step.pendingToken()), "a pending sign-in is no session");
        assertEquals(1, accounts.sessions(owner.userId()).size(), "only the sign-up's session");
        assertFalse(step.toString().contains(step.pendingToken()));

        SignInResult.SignedIn signedIn = assertInstanceOf(SignInResult.SignedIn.class,
                accounts.completeSecondFactor(step.pendingToken(), currentCode(secret), ADDRESS));

        assertFalse(signedIn.usedRecoveryCode());
        assertNotEquals(step.pendingToken(), signedIn.session().token());
        assertTrue(accounts.authenticate(signedIn.session().token()).isPresent());
        assertEquals(new SignInResult.Refused(SignInResult.Reason.SIGN_IN_EXPIRED),
                accounts.completeSecondFactor(step.pendingToken(), currentCode(secret), ADDRESS),
                "a pending sign-in is used once");
        assertEquals(2, accounts.sessions(owner.userId()).size());
        assertFalse(attempts.accounts().containsKey(EMAIL));
    }

    @Test
    void aTotpCodeCannotBeUsedTwice() {
        DashboardUser owner = signUp().owner();
        TotpSecret secret = enrolTotp(owner).secret;
        String code = currentCode(secret);
        assertInstanceOf(SignInResult.SignedIn.class, accounts.completeSecondFactor(pendingToken(), code, ADDRESS));

        SignInResult replayed = accounts.completeSecondFactor(pendingToken(), code, ADDRESS);

        assertEquals(new SignInResult.Refused(SignInResult.Reason.WRONG_CODE), replayed);
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertInstanceOf(SignInResult.SignedIn.class,
                accounts.completeSecondFactor(pendingToken(), currentCode(secret), ADDRESS));
    }

    @Test
    void twoSignInsRacingWithOneCodeLetOnlyOneIn() {
        DashboardUser owner = signUp().owner();
        TotpSecret secret = enrolTotp(owner).secret;
        String code = currentCode(secret);
        String first = pendingToken();
        String second = pendingToken();
        List<SignInResult> racer = new ArrayList<>();
        users.beforeNextUpdate(() -> racer.add(accounts.completeSecondFactor(second, code, ADDRESS)));

        SignInResult late = accounts.completeSecondFactor(first, code, ADDRESS);

        assertInstanceOf(SignInResult.SignedIn.class, racer.get(0));
        assertEquals(new SignInResult.Refused(SignInResult.Reason.WRONG_CODE), late);
        assertEquals(2, accounts.sessions(owner.userId()).size(), "the sign-up's and the racer's");
    }

    @Test
    void recoveryCodeWorksOnce() {
        DashboardUser owner = signUp().owner();
        List<String> codes = enrolTotp(owner).recoveryCodes.codes();
        String typed = " " + codes.get(3).toUpperCase() + " ";

        SignInResult.SignedIn signedIn = assertInstanceOf(SignInResult.SignedIn.class,
                accounts.completeSecondFactor(pendingToken(), typed, ADDRESS));

        assertTrue(signedIn.usedRecoveryCode());
        assertEquals(9, signedIn.user().recoveryCodeHashes().size());
        assertEquals(9, users.findById(owner.userId()).orElseThrow().recoveryCodeHashes().size());
        assertEquals(new SignInResult.Refused(SignInResult.Reason.WRONG_CODE),
                accounts.completeSecondFactor(pendingToken(), codes.get(3), ADDRESS));
        assertInstanceOf(SignInResult.SignedIn.class,
                accounts.completeSecondFactor(pendingToken(), codes.get(4).replace("-", ""), ADDRESS));
    }

    @Test
    void wrongCodesCountAgainstTheSignInThrottle() {
        DashboardUser owner = signUp().owner();
        TotpSecret secret = enrolTotp(owner).secret;
        String pending = pendingToken();
        for (int i = 0; i < 4; i++) {
            assertEquals(new SignInResult.Refused(SignInResult.Reason.WRONG_CODE),
                    accounts.completeSecondFactor(pending, "000000", ADDRESS));
        }

        SignInResult.Throttled waiting = assertInstanceOf(SignInResult.Throttled.class,
                accounts.completeSecondFactor(pending, currentCode(secret), ADDRESS));

        assertEquals(LoginLimit.ACCOUNT, waiting.limit());
        assertEquals(5, attempts.accounts().get(EMAIL).consecutiveFailures(), "the password step counts too");
        clock.advance(waiting.retryAfter());
        assertInstanceOf(SignInResult.SignedIn.class,
                accounts.completeSecondFactor(pending, currentCode(secret), ADDRESS));
        assertFalse(attempts.accounts().containsKey(EMAIL));
    }

    @Test
    void aPendingSignInExpiresAfterFiveMinutes() {
        DashboardUser owner = signUp().owner();
        TotpSecret secret = enrolTotp(owner).secret;
        String pending = pendingToken();
        clock.advance(Duration.ofMinutes(5));

        assertEquals(new SignInResult.Refused(SignInResult.Reason.SIGN_IN_EXPIRED),
                accounts.completeSecondFactor(pending, currentCode(secret), ADDRESS));
        assertEquals(1, sessions.all().size(), "the expired pending sign-in is forgotten");
        assertEquals(new SignInResult.Refused(SignInResult.Reason.SIGN_IN_EXPIRED),
                accounts.completeSecondFactor("not-a-token", currentCode(secret), ADDRESS));
    }

    @Test
    void aSessionTokenIsNoPendingSignIn() {
        SignedUp signedUp = signUp();
        TotpSecret secret = enrolTotp(signedUp.owner()).secret;

        assertEquals(new SignInResult.Refused(SignInResult.Reason.SIGN_IN_EXPIRED),
                accounts.completeSecondFactor(signedUp.session().token(), currentCode(secret), ADDRESS));
        assertTrue(accounts.authenticate(signedUp.session().token()).isPresent());
    }

    @Test
    void turningTotpOffNeedsThePassword() {
        DashboardUser owner = signUp().owner();
        enrolTotp(owner);

        assertEquals(AccountRefusal.Reason.WRONG_PASSWORD,
                accounts.disableTotp(owner.userId(), NEW_PASSWORD, ADDRESS).refusal().reason());
        DashboardUser off = accounts.disableTotp(owner.userId(), PASSWORD, ADDRESS).value();

        assertFalse(off.totpEnabled());
        assertTrue(off.recoveryCodeHashes().isEmpty());
        assertInstanceOf(SignInResult.SignedIn.class, signIn(PASSWORD));
        assertEquals(AccountRefusal.Reason.TOTP_NOT_ENABLED,
                accounts.disableTotp(owner.userId(), PASSWORD, ADDRESS).refusal().reason());
    }

    // ---- sessions ---------------------------------------------------------------------------------

    @Test
    void expiredSessionIsRefusedAndForgotten() {
        String token = signUp().session().token();
        clock.advance(DashboardSession.IDLE_TIMEOUT.plusSeconds(1));

        assertEquals(Optional.empty(), accounts.authenticate(token));
        assertTrue(sessions.all().isEmpty());
    }

    @Test
    void activityKeepsASessionAliveButNoLongerThanTwelveHours() {
        String token = signUp().session().token();
        for (int i = 0; i < 12 * 3 - 1; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue(accounts.authenticate(token).isPresent(), "after " + (i + 1) * 20 + " minutes");
        }
        clock.advance(Duration.ofMinutes(20));

        assertEquals(Optional.empty(), accounts.authenticate(token));
    }

    @Test
    void authenticatingMovesLastSeenAtAtMostOnceAMinute() {
        SignedUp signedUp = signUp();
        String token = signedUp.session().token();
        clock.advance(Duration.ofSeconds(59));
        assertEquals(TestClocks.NOW, accounts.authenticate(token).orElseThrow().session().lastSeenAt());
        clock.advance(Duration.ofSeconds(1));

        SignedInUser seen = accounts.authenticate(token).orElseThrow();

        assertEquals(clock.instant(), seen.session().lastSeenAt());
        assertEquals(clock.instant(), sessions.all().get(0).lastSeenAt());
    }

    @Test
    void aSessionSignedOutWhileBeingTouchedStaysSignedOut() {
        String token = signUp().session().token();
        clock.advance(Duration.ofMinutes(2));
        InMemoryDashboardSessionRepository vanishing = new InMemoryDashboardSessionRepository();
        vanishing.save(sessions.all().get(0));
        DashboardSessionRepository signedOutMeanwhile = new DashboardSessionRepository() {
            @Override
            public void save(DashboardSession session) {
                vanishing.save(session);
            }

            @Override
            public Optional<DashboardSession> find(String tokenHash) {
                Optional<DashboardSession> found = vanishing.find(tokenHash);
                vanishing.delete(tokenHash);
                return found;
            }

            @Override
            public boolean touch(String tokenHash, Instant lastSeenAt) {
                return vanishing.touch(tokenHash, lastSeenAt);
            }

            @Override
            public void delete(String tokenHash) {
                vanishing.delete(tokenHash);
            }

            @Override
            public void deleteAllForUser(String userId) {
                vanishing.deleteAllForUser(userId);
            }

            @Override
            public List<DashboardSession> listForUser(String userId) {
                return vanishing.listForUser(userId);
            }
        };
        DashboardAccounts racing = new DashboardAccounts(users, signedOutMeanwhile, onboarding(), new PasswordPolicy(),
                new PasswordHasher(4), new LoginThrottle(attempts, clock),
                new DashboardSessionTokens(new SecureRandom(), clock), totp, clock);

        assertEquals(Optional.empty(), racing.authenticate(token));
        assertTrue(vanishing.all().isEmpty(), "the touch brought nothing back");
    }

    @Test
    void signOutEndsOnlyThatSession() {
        String first = signUp().session().token();
        String second = signedIn().session().token();

        accounts.signOut(first);
        accounts.signOut("not-a-token");

        assertEquals(Optional.empty(), accounts.authenticate(first));
        assertTrue(accounts.authenticate(second).isPresent());
    }

    @Test
    void signOutEverywhereEndsEverySession() {
        SignedUp signedUp = signUp();
        String second = signedIn().session().token();
        String third = signedIn().session().token();
        DashboardUser other = accounts.signUp("Other Shop", "bo@example.com", PASSWORD, ADDRESS).value().owner();

        accounts.signOutEverywhere(signedUp.owner().userId());

        for (String token : List.of(signedUp.session().token(), second, third)) {
            assertEquals(Optional.empty(), accounts.authenticate(token));
        }
        assertTrue(accounts.sessions(signedUp.owner().userId()).isEmpty());
        assertEquals(1, accounts.sessions(other.userId()).size(), "another user's session stays");
    }

    // ---- password ---------------------------------------------------------------------------------

    @Test
    void changingThePasswordSignsOutOtherSessions() {
        SignedUp signedUp = signUp();
        String userId = signedUp.owner().userId();
        String elsewhere = signedIn().session().token();
        clock.advance(Duration.ofMinutes(1));

        IssuedDashboardSession fresh = accounts.changePassword(userId, PASSWORD, NEW_PASSWORD, ADDRESS).value();

        assertEquals(Optional.empty(), accounts.authenticate(elsewhere));
        assertEquals(Optional.empty(), accounts.authenticate(signedUp.session().token()),
                "the changing session is replaced too");
        assertEquals(userId, accounts.authenticate(fresh.token()).orElseThrow().user().userId());
        assertEquals(List.of(fresh.session()), accounts.sessions(userId));
        assertEquals(clock.instant(), users.findById(userId).orElseThrow().passwordChangedAt());
        assertInstanceOf(SignInResult.Refused.class, signIn(PASSWORD));
        assertInstanceOf(SignInResult.SignedIn.class, signIn(NEW_PASSWORD));
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndAGoodNewOne() {
        SignedUp signedUp = signUp();
        String userId = signedUp.owner().userId();

        assertEquals(AccountRefusal.Reason.WRONG_PASSWORD,
                accounts.changePassword(userId, NEW_PASSWORD, NEW_PASSWORD, ADDRESS).refusal().reason());
        assertEquals(AccountRefusal.weakPassword(PasswordRefusal.TOO_SHORT),
                accounts.changePassword(userId, PASSWORD, "short", ADDRESS).refusal());
        assertEquals(AccountRefusal.weakPassword(PasswordRefusal.SAME_AS_EMAIL),
                accounts.changePassword(userId, PASSWORD, EMAIL.toUpperCase(), ADDRESS).refusal());

        assertTrue(accounts.authenticate(signedUp.session().token()).isPresent());
        assertInstanceOf(SignInResult.SignedIn.class, signIn(PASSWORD));
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledLikeASignIn() {
        String userId = signUp().owner().userId();
        for (int i = 0; i < 5; i++) {
            accounts.changePassword(userId, "wrong guess number " + i, NEW_PASSWORD, ADDRESS);
        }

        AccountRefusal refusal = accounts.changePassword(userId, PASSWORD, NEW_PASSWORD, ADDRESS).refusal();

        assertEquals(AccountRefusal.tooManyAttempts(Duration.ofSeconds(1)), refusal);
        assertInstanceOf(SignInResult.Throttled.class, signIn(PASSWORD), "one count for the account");
    }

    // ---- team and roles ---------------------------------------------------------------------------

    @Test
    void viewerCannotSeeOrCreateKeys() {
        assertFalse(DashboardRole.VIEWER.canSeeApiKeys());
        assertFalse(DashboardRole.VIEWER.canManageApiKeys());
        assertFalse(DashboardRole.VIEWER.canManageWebhooks());
        assertFalse(DashboardRole.VIEWER.canRefundAndCapture());
        assertTrue(DashboardRole.VIEWER.canViewPayments());
    }

    @Test
    void developersBuildTheIntegrationAndOnlyOwnersRunTheTeamAndBranding() {
        for (DashboardRole builder : List.of(DashboardRole.OWNER, DashboardRole.DEVELOPER)) {
            assertTrue(builder.canSeeApiKeys() && builder.canManageApiKeys() && builder.canManageWebhooks()
                    && builder.canRefundAndCapture() && builder.canViewPayments(), builder.name());
        }
        assertTrue(DashboardRole.OWNER.canManageTeam() && DashboardRole.OWNER.canEditBranding());
        for (DashboardRole other : List.of(DashboardRole.DEVELOPER, DashboardRole.VIEWER)) {
            assertFalse(other.canManageTeam() || other.canEditBranding(), other.name());
        }
    }

    @Test
    void anInvitedUserSignsInWithTheSetupPasswordAndMustThenChooseTheirOwn() {
        DashboardUser owner = signUp().owner();

        InvitedUser invited = team.invite(owner.userId(), " Dev@Example.com", DashboardRole.DEVELOPER).value();

        assertEquals("dev@example.com", invited.user().email());
        assertEquals(owner.merchantId(), invited.user().merchantId());
        assertEquals(DashboardRole.DEVELOPER, invited.user().role());
        assertTrue(invited.setupPassword().matches("[0-9A-Za-z]{20}"));
        assertFalse(invited.toString().contains(invited.setupPassword()));
        SignInResult.SignedIn first = assertInstanceOf(SignInResult.SignedIn.class,
                accounts.signIn("dev@example.com", invited.setupPassword(), ADDRESS));
        assertTrue(first.mustChangePassword());
        accounts.changePassword(invited.user().userId(), invited.setupPassword(), NEW_PASSWORD, ADDRESS).value();
        SignInResult.SignedIn later = assertInstanceOf(SignInResult.SignedIn.class,
                accounts.signIn("dev@example.com", NEW_PASSWORD, ADDRESS));
        assertFalse(later.mustChangePassword());
        assertEquals(2, team.members(owner.userId()).size());
    }

    @Test
    void onlyAnOwnerMayInviteRemoveOrChangeRoles() {
        DashboardUser owner = signUp().owner();
        DashboardUser developer = invite(owner, "dev@example.com", DashboardRole.DEVELOPER);

        assertEquals(AccountRefusal.Reason.NOT_ALLOWED,
                team.invite(developer.userId(), "x@example.com", DashboardRole.OWNER).refusal().reason());
        assertEquals(AccountRefusal.Reason.NOT_ALLOWED,
                team.changeRole(developer.userId(), developer.userId(), DashboardRole.OWNER).refusal().reason());
        assertEquals(AccountRefusal.Reason.NOT_ALLOWED,
                team.removeUser(developer.userId(), owner.userId()).refusal().reason());
        assertEquals(2, users.all().size());
        assertEquals(DashboardRole.DEVELOPER, users.findById(developer.userId()).orElseThrow().role());
    }

    @Test
    void anEmailInUseByAnyMerchantCannotBeInvited() {
        DashboardUser owner = signUp().owner();
        accounts.signUp("Other Shop", "bo@example.com", PASSWORD, ADDRESS).value();

        assertEquals(AccountRefusal.Reason.EMAIL_TAKEN,
                team.invite(owner.userId(), "BO@example.com", DashboardRole.VIEWER).refusal().reason());
        assertEquals(AccountRefusal.Reason.INVALID_EMAIL,
                team.invite(owner.userId(), "bo", DashboardRole.VIEWER).refusal().reason());
    }

    @Test
    void anOwnerCannotReachAnotherMerchantsUsers() {
        DashboardUser owner = signUp().owner();
        DashboardUser stranger = accounts.signUp("Other Shop", "bo@example.com", PASSWORD, ADDRESS).value().owner();

        assertEquals(AccountRefusal.Reason.USER_NOT_FOUND,
                team.changeRole(owner.userId(), stranger.userId(), DashboardRole.VIEWER).refusal().reason());
        assertEquals(AccountRefusal.Reason.USER_NOT_FOUND,
                team.removeUser(owner.userId(), stranger.userId()).refusal().reason());
        assertEquals(DashboardRole.OWNER, users.findById(stranger.userId()).orElseThrow().role());
    }

    @Test
    void aRoleChangeAppliesToSessionsAlreadyOpen() {
        DashboardUser owner = signUp().owner();
        DashboardUser developer = invite(owner, "dev@example.com", DashboardRole.DEVELOPER);
        String token = signInAs(developer.email()).session().token();

        assertEquals(DashboardRole.VIEWER,
                team.changeRole(owner.userId(), developer.userId(), DashboardRole.VIEWER).value().role());

        assertEquals(DashboardRole.VIEWER, accounts.authenticate(token).orElseThrow().role());
    }

    @Test
    void lastOwnerCannotBeDemoted() {
        DashboardUser owner = signUp().owner();
        invite(owner, "dev@example.com", DashboardRole.DEVELOPER);

        assertEquals(AccountRefusal.Reason.LAST_OWNER,
                team.changeRole(owner.userId(), owner.userId(), DashboardRole.DEVELOPER).refusal().reason());
        assertEquals(AccountRefusal.Reason.LAST_OWNER,
                team.removeUser(owner.userId(), owner.userId()).refusal().reason());
        assertEquals(DashboardRole.OWNER, users.findById(owner.userId()).orElseThrow().role());
    }

    @Test
    void anOwnerCanStepDownOnceThereIsAnother() {
        DashboardUser owner = signUp().owner();
        DashboardUser second = invite(owner, "bo@example.com", DashboardRole.OWNER);

        DashboardUser steppedDown = team.changeRole(owner.userId(), owner.userId(), DashboardRole.DEVELOPER)
                .value();

        assertEquals(DashboardRole.DEVELOPER, steppedDown.role());
        assertEquals(AccountRefusal.Reason.LAST_OWNER,
                team.removeUser(second.userId(), second.userId()).refusal().reason());
    }

    @Test
    void twoOwnersDemotingEachOtherAtOnceLeaveOneOwner() {
        DashboardUser ana = signUp().owner();
        DashboardUser bo = invite(ana, "bo@example.com", DashboardRole.OWNER);
        List<AccountOutcome<DashboardUser>> racer = new ArrayList<>();
        users.beforeNextUpdate(() -> racer.add(team.changeRole(bo.userId(), ana.userId(), DashboardRole.VIEWER)));

        AccountOutcome<DashboardUser> late = team.changeRole(ana.userId(), bo.userId(), DashboardRole.VIEWER);

        assertTrue(racer.get(0).isDone());
        assertEquals(AccountRefusal.Reason.LAST_OWNER, late.refusal().reason());
        assertEquals(List.of(bo.userId()), users.listByMerchant(ana.merchantId()).stream()
                .filter(user -> user.role() == DashboardRole.OWNER).map(DashboardUser::userId).toList());
    }

    @Test
    void aRemovedUserIsSignedOutAndCannotSignIn() {
        DashboardUser owner = signUp().owner();
        DashboardUser developer = invite(owner, "dev@example.com", DashboardRole.DEVELOPER);
        String token = signInAs(developer.email()).session().token();

        assertEquals(developer.userId(), team.removeUser(owner.userId(), developer.userId()).value().userId());

        assertEquals(Optional.empty(), accounts.authenticate(token));
        assertEquals(Optional.empty(), users.findById(developer.userId()));
        assertInstanceOf(SignInResult.Refused.class, accounts.signIn(developer.email(), NEW_PASSWORD, ADDRESS));
    }

    // ---- what is shown ----------------------------------------------------------------------------

    @Test
    void noSecretIsInAnyToString() {
        DashboardUser owner = signUp().owner();
        Enrolled enrolled = enrolTotp(owner);
        DashboardUser stored = users.findById(owner.userId()).orElseThrow();
        TotpEnrolment enrolment = new TotpEnrolment(enrolled.secret, enrolled.secret.otpauthUri("CircoFlows", EMAIL));

        String shown = stored + " " + enrolment + " " + enrolled.recoveryCodes + " "
                + accounts.completeSecondFactor(pendingToken(), currentCode(enrolled.secret), ADDRESS);

        List<String> secrets = new ArrayList<>(List.of(stored.passwordHash(), enrolled.secret.base32()));
        secrets.addAll(enrolled.recoveryCodes.codes());
        secrets.addAll(stored.recoveryCodeHashes());
        for (String secret : secrets) {
            assertFalse(shown.contains(secret), shown);
        }
        assertTrue(shown.contains("totpEnabled=true"), shown);
    }

    @Test
    void aRefusalShowsItsReasonsWords() {
        assertEquals("Only an owner of the account can do this.",
                AccountRefusal.of(AccountRefusal.Reason.NOT_ALLOWED).message());
        assertNull(AccountOutcome.done("x").refusal());
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private DashboardAccounts accountsHashingAtCost(int cost) {
        return new DashboardAccounts(users, sessions, onboarding(), new PasswordPolicy(), new PasswordHasher(cost),
                new LoginThrottle(attempts, clock), new DashboardSessionTokens(new SecureRandom(), clock), totp, clock);
    }

    private MerchantOnboarding onboarding() {
        return new MerchantOnboarding(merchants, new ApiKeyIssuer(keys, CountingSecretHasher.sha256(), clock), clock);
    }

    private SignedUp signUp() {
        return accounts.signUp(BUSINESS, EMAIL, PASSWORD, ADDRESS).value();
    }

    private SignInResult signIn(String password) {
        return accounts.signIn(EMAIL, password, ADDRESS);
    }

    private SignInResult.SignedIn signedIn() {
        return assertInstanceOf(SignInResult.SignedIn.class, signIn(PASSWORD));
    }

    /** Invited, then signed in once to set {@link #NEW_PASSWORD}. */
    private DashboardUser invite(DashboardUser owner, String email, DashboardRole role) {
        InvitedUser invited = team.invite(owner.userId(), email, role).value();
        accounts.changePassword(invited.user().userId(), invited.setupPassword(), NEW_PASSWORD, ADDRESS).value();
        return users.findById(invited.user().userId()).orElseThrow();
    }

    private SignInResult.SignedIn signInAs(String email) {
        return assertInstanceOf(SignInResult.SignedIn.class, accounts.signIn(email, NEW_PASSWORD, ADDRESS));
    }

    /** Turns TOTP on, then moves to the next step so that the confirming code is not the current one. */
    private Enrolled enrolTotp(DashboardUser user) {
        TotpSecret secret = accounts.enableTotp(user.userId()).value().secret();
        IssuedRecoveryCodes codes = accounts.confirmTotp(user.userId(), secret, currentCode(secret)).value();
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        return new Enrolled(secret, codes);
    }

    private String currentCode(TotpSecret secret) {
        return totp.codeAt(secret, clock.instant());
    }

    private String pendingToken() {
        return assertInstanceOf(SignInResult.SecondFactorNeeded.class, signIn(PASSWORD)).pendingToken();
    }

    private void assertNothingStored() {
        assertTrue(merchants.all().isEmpty(), "no merchant");
        assertTrue(keys.all().isEmpty(), "no key");
        assertTrue(users.all().isEmpty(), "no user");
        assertTrue(sessions.all().isEmpty(), "no session");
    }

    private record Enrolled(TotpSecret secret, IssuedRecoveryCodes recoveryCodes) {
    }
}

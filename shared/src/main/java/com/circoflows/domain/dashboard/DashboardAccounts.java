package com.circoflows.domain.dashboard;

import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.merchant.Mode;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The dashboard's accounts: sign-up (a merchant with its owner), sign-in with throttling and an optional
 * TOTP second factor, sessions, and password and second-factor changes. The team of a merchant is
 * {@link DashboardTeam}'s.
 *
 * <p>What a page may show comes back as {@link AccountOutcome}, {@link SignInResult} or an empty
 * Optional, never as an exception; no password, token, code or hash is in any message or toString.
 */
public final class DashboardAccounts {
    /** The issuer an authenticator app shows beside the code. */
    static final String TOTP_ISSUER = "CircoFlows";
    static final int MAX_BUSINESS_NAME_LENGTH = 100;
    /** Optimistic writes of a second factor lost to simultaneous ones before the sign-in is refused. */
    private static final int MAX_WRITE_CONFLICTS = 4;

    private final DashboardUserRepository users;
    private final DashboardSessionRepository sessions;
    private final MerchantOnboarding onboarding;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final DashboardSessionTokens tokens;
    private final Totp totp;
    private final Clock clock;

    public DashboardAccounts(DashboardUserRepository users, DashboardSessionRepository sessions,
            MerchantOnboarding onboarding, PasswordPolicy policy, PasswordHasher hasher, LoginThrottle throttle,
            DashboardSessionTokens tokens, Totp totp, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.onboarding = Objects.requireNonNull(onboarding, "onboarding");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.totp = Objects.requireNonNull(totp, "totp");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- sign-up ----------------------------------------------------------------------------------

    /**
     * A new merchant (in test mode) with its owner, signed in. Everything the user typed is checked, and
     * the email looked up, before anything is written, so a refused sign-up leaves nothing behind.
     *
     * <p>Two sign-ups racing for one email can both pass the look-up; the store's unique email then
     * refuses the second owner, after its merchant was created. That merchant has no user, so nobody can
     * sign in to it or use its key (shown to nobody): it is harmless, and left in place.
     *
     * @param clientAddress not used yet: kept for a limit on sign-ups per address
     */
    public AccountOutcome<SignedUp> signUp(String businessName, String email, String password, String clientAddress) {
        String name = businessName == null ? "" : businessName.strip();
        if (name.isEmpty() || name.length() > MAX_BUSINESS_NAME_LENGTH) {
            return AccountOutcome.refused(AccountRefusal.Reason.INVALID_BUSINESS_NAME);
        }
        String normalisedEmail = EmailAddresses.normalise(email);
        if (!EmailAddresses.isValid(normalisedEmail)) {
            return AccountOutcome.refused(AccountRefusal.Reason.INVALID_EMAIL);
        }
        Optional<PasswordRefusal> weak = policy.refusal(password, normalisedEmail, name);
        if (weak.isPresent()) {
            return AccountOutcome.refused(AccountRefusal.weakPassword(weak.get()));
        }
        if (users.findByEmail(normalisedEmail).isPresent()) {
            return AccountOutcome.refused(AccountRefusal.Reason.EMAIL_TAKEN);
        }
        String passwordHash = hasher.hash(password);
        MerchantOnboarding.Onboarded onboarded = onboarding.createMerchant(name, Mode.TEST);
        String merchantId = onboarded.merchant().merchantId();
        DashboardUser owner = DashboardUser.newUser(merchantId, normalisedEmail, DashboardRole.OWNER, passwordHash,
                false, clock.instant());
        try {
            users.create(owner);
        } catch (EmailAlreadyRegistered raced) {
            return AccountOutcome.refused(AccountRefusal.Reason.EMAIL_TAKEN);
        }
        return AccountOutcome.done(new SignedUp(onboarded.merchant(), owner, newSession(owner),
                onboarded.firstKey(), onboarded.webhookSecret()));
    }

    // ---- sign-in ----------------------------------------------------------------------------------

    /**
     * Checks the password when the throttle allows it. A user with TOTP gets a pending sign-in to complete
     * with {@link #completeSecondFactor}; the attempt then stays counted as a failure until a code is
     * accepted, so knowing the password does not reset the count that limits guessing codes.
     */
    public SignInResult signIn(String email, String password, String clientAddress) {
        LoginDecision decision = throttle.attempt(email, clientAddress);
        if (decision instanceof LoginDecision.Refused refused) {
            return new SignInResult.Throttled(refused.limit(), refused.retryAfter());
        }
        LoginDecision.Allowed allowed = (LoginDecision.Allowed) decision;
        String normalisedEmail = EmailAddresses.normalise(email);
        // Longer than any account's email (and than a DynamoDB key may be): no account, without a lookup.
        Optional<DashboardUser> found = normalisedEmail.length() > EmailAddresses.MAX_LENGTH ? Optional.empty()
                : users.findByEmail(normalisedEmail);
        if (found.isEmpty()) {
            // As long as a wrong password takes, so the time taken does not tell who has an account.
            hasher.dummyVerify(password);
            return new SignInResult.Refused(SignInResult.Reason.WRONG_EMAIL_OR_PASSWORD);
        }
        if (!hasher.matches(password, found.get().passwordHash())) {
            return new SignInResult.Refused(SignInResult.Reason.WRONG_EMAIL_OR_PASSWORD);
        }
        DashboardUser user = rehashedIfNeeded(found.get(), password);
        if (user.totpEnabled()) {
            IssuedDashboardSession pending = tokens.issuePendingSecondFactor(user.userId(), user.merchantId());
            sessions.save(pending.session());
            return new SignInResult.SecondFactorNeeded(pending.token(), pending.session().expiresAt());
        }
        throttle.succeeded(allowed);
        return new SignInResult.SignedIn(user, newSession(user), false);
    }

    /**
     * The second step of a TOTP user's sign-in: {@code code} is the app's current code or one of the
     * recovery codes. A code is used up as it is accepted (the step recorded, the recovery code removed)
     * in an optimistic write, so two sign-ins racing with one code cannot both get in. A wrong code counts
     * against the sign-in throttle like a wrong password; the pending sign-in stays usable for another try
     * until it expires.
     */
    public SignInResult completeSecondFactor(String pendingToken, String code, String clientAddress) {
        Optional<DashboardSession> found = tokens.tokenHashOf(pendingToken).flatMap(sessions::find)
                .filter(DashboardSession::pendingSecondFactor);
        if (found.isEmpty()) {
            return new SignInResult.Refused(SignInResult.Reason.SIGN_IN_EXPIRED);
        }
        DashboardSession pending = found.get();
        Optional<DashboardUser> user = users.findById(pending.userId()).filter(DashboardUser::totpEnabled);
        if (pending.isExpired(clock.instant()) || user.isEmpty()) {
            sessions.delete(pending.tokenHash());
            return new SignInResult.Refused(SignInResult.Reason.SIGN_IN_EXPIRED);
        }
        LoginDecision decision = throttle.attempt(user.get().email(), clientAddress);
        if (decision instanceof LoginDecision.Refused refused) {
            return new SignInResult.Throttled(refused.limit(), refused.retryAfter());
        }
        Optional<UsedSecondFactor> used = useSecondFactor(user.get(), code);
        if (used.isEmpty()) {
            return new SignInResult.Refused(SignInResult.Reason.WRONG_CODE);
        }
        throttle.succeeded((LoginDecision.Allowed) decision);
        sessions.delete(pending.tokenHash());
        DashboardUser signedIn = used.get().user();
        return new SignInResult.SignedIn(signedIn, newSession(signedIn), used.get().recoveryCode());
    }

    // ---- sessions ---------------------------------------------------------------------------------

    /**
     * The user a session cookie signs in, as they are now (role included), or empty. An expired session,
     * or one of a user who is gone or changed their password since, is deleted as it is refused.
     */
    public Optional<SignedInUser> authenticate(String token) {
        Optional<DashboardSession> found = tokens.tokenHashOf(token).flatMap(sessions::find);
        if (found.isEmpty() || found.get().pendingSecondFactor()) {
            return Optional.empty();
        }
        DashboardSession session = found.get();
        Instant now = clock.instant();
        Optional<DashboardUser> user = users.findById(session.userId())
                .filter(u -> u.merchantId().equals(session.merchantId()))
                .filter(u -> !session.createdAt().isBefore(u.passwordChangedAt()));
        if (session.isExpired(now) || user.isEmpty()) {
            sessions.delete(session.tokenHash());
            return Optional.empty();
        }
        Optional<DashboardSession> touched = session.touch(now);
        if (touched.isPresent() && !sessions.touch(session.tokenHash(), now)) {
            // Signed out a moment ago, by this user elsewhere.
            return Optional.empty();
        }
        return Optional.of(new SignedInUser(user.get(), touched.orElse(session)));
    }

    /** Ends the session of this cookie; nothing happens for an unknown one. */
    public void signOut(String token) {
        tokens.tokenHashOf(token).ifPresent(sessions::delete);
    }

    /** Ends every session of the user, on every device, and any sign-in waiting for its second factor. */
    public void signOutEverywhere(String userId) {
        sessions.deleteAllForUser(userId);
    }

    /** The user's live sessions, the most recently active first, for a "where you are signed in" page. */
    public List<DashboardSession> sessions(String userId) {
        Instant now = clock.instant();
        return sessions.listForUser(userId).stream()
                .filter(session -> !session.pendingSecondFactor() && !session.isExpired(now))
                .sorted(Comparator.comparing(DashboardSession::lastSeenAt).reversed())
                .toList();
    }

    // ---- password and second factor --------------------------------------------------------------

    /**
     * Sets a new password after checking the current one (throttled like a sign-in, so a stolen session
     * cannot be used to guess it). Every session of the user ends, the one making the change included,
     * and a fresh one is returned for its cookie: whoever else held a session is signed out.
     */
    public AccountOutcome<IssuedDashboardSession> changePassword(String userId, String currentPassword,
            String newPassword, String clientAddress) {
        Optional<DashboardUser> found = users.findById(userId);
        if (found.isEmpty()) {
            return AccountOutcome.refused(AccountRefusal.Reason.USER_NOT_FOUND);
        }
        DashboardUser user = found.get();
        // The business name is not checked here: this service does not read merchants.
        Optional<PasswordRefusal> weak = policy.refusal(newPassword, user.email(), null);
        if (weak.isPresent()) {
            return AccountOutcome.refused(AccountRefusal.weakPassword(weak.get()));
        }
        Optional<AccountRefusal> wrong = checkPassword(user, currentPassword, clientAddress);
        if (wrong.isPresent()) {
            return AccountOutcome.refused(wrong.get());
        }
        DashboardUser changed = user.withNewPassword(hasher.hash(newPassword), clock.instant());
        if (!users.update(changed, user.version())) {
            return AccountOutcome.refused(AccountRefusal.Reason.CHANGED_MEANWHILE);
        }
        sessions.deleteAllForUser(userId);
        return AccountOutcome.done(newSession(changed));
    }

    /** A new TOTP secret to show; nothing is stored until {@link #confirmTotp} sees a code made from it. */
    public AccountOutcome<TotpEnrolment> enableTotp(String userId) {
        Optional<DashboardUser> found = users.findById(userId);
        if (found.isEmpty()) {
            return AccountOutcome.refused(AccountRefusal.Reason.USER_NOT_FOUND);
        }
        if (found.get().totpEnabled()) {
            return AccountOutcome.refused(AccountRefusal.Reason.TOTP_ALREADY_ENABLED);
        }
        TotpSecret secret = TotpSecret.generate();
        return AccountOutcome.done(new TotpEnrolment(secret, secret.otpauthUri(TOTP_ISSUER, found.get().email())));
    }

    /**
     * Turns TOTP on once the user's app shows a code of {@code secret}, so nobody is locked out by an app
     * that was set up wrong; that code's step counts as used. Returns ten recovery codes, shown once.
     */
    public AccountOutcome<IssuedRecoveryCodes> confirmTotp(String userId, TotpSecret secret, String code) {
        Optional<DashboardUser> found = users.findById(userId);
        if (found.isEmpty()) {
            return AccountOutcome.refused(AccountRefusal.Reason.USER_NOT_FOUND);
        }
        DashboardUser user = found.get();
        if (user.totpEnabled()) {
            return AccountOutcome.refused(AccountRefusal.Reason.TOTP_ALREADY_ENABLED);
        }
        TotpVerification verification = totp.verify(Objects.requireNonNull(secret, "secret"), code,
                clock.instant(), Totp.NO_STEP_USED);
        if (!(verification instanceof TotpVerification.Accepted accepted)) {
            return AccountOutcome.refused(AccountRefusal.Reason.WRONG_CODE);
        }
        IssuedRecoveryCodes recoveryCodes = RecoveryCodes.issue();
        DashboardUser changed = user.withTotp(secret.base32(), accepted.step(), recoveryCodes.storedHashes());
        if (!users.update(changed, user.version())) {
            return AccountOutcome.refused(AccountRefusal.Reason.CHANGED_MEANWHILE);
        }
        return AccountOutcome.done(recoveryCodes);
    }

    /** Turns TOTP off (secret and recovery codes forgotten) after checking the password, throttled. */
    public AccountOutcome<DashboardUser> disableTotp(String userId, String password, String clientAddress) {
        Optional<DashboardUser> found = users.findById(userId);
        if (found.isEmpty()) {
            return AccountOutcome.refused(AccountRefusal.Reason.USER_NOT_FOUND);
        }
        DashboardUser user = found.get();
        if (!user.totpEnabled()) {
            return AccountOutcome.refused(AccountRefusal.Reason.TOTP_NOT_ENABLED);
        }
        Optional<AccountRefusal> wrong = checkPassword(user, password, clientAddress);
        if (wrong.isPresent()) {
            return AccountOutcome.refused(wrong.get());
        }
        DashboardUser changed = user.withoutTotp();
        if (!users.update(changed, user.version())) {
            return AccountOutcome.refused(AccountRefusal.Reason.CHANGED_MEANWHILE);
        }
        return AccountOutcome.done(changed);
    }

    /**
     * Asks a signed-in user for their password again before something sensitive (revealing a signing
     * secret), under the sign-in throttle, so a session left open is not enough.
     *
     * @return empty when the password is right, else why not
     */
    public Optional<AccountRefusal> confirmPassword(String userId, String password, String clientAddress) {
        Optional<DashboardUser> found = users.findById(userId);
        if (found.isEmpty()) {
            return Optional.of(AccountRefusal.of(AccountRefusal.Reason.USER_NOT_FOUND));
        }
        return checkPassword(found.get(), password, clientAddress);
    }

    // ---- internals --------------------------------------------------------------------------------

    /** The password of a signed-in user, checked under the sign-in throttle; empty when right. */
    private Optional<AccountRefusal> checkPassword(DashboardUser user, String password, String clientAddress) {
        LoginDecision decision = throttle.attempt(user.email(), clientAddress);
        if (decision instanceof LoginDecision.Refused refused) {
            return Optional.of(AccountRefusal.tooManyAttempts(refused.retryAfter()));
        }
        if (!hasher.matches(password, user.passwordHash())) {
            return Optional.of(AccountRefusal.of(AccountRefusal.Reason.WRONG_PASSWORD));
        }
        throttle.succeeded((LoginDecision.Allowed) decision);
        return Optional.empty();
    }

    /** Best effort: if the write loses to another change, the next sign-in rehashes instead. */
    private DashboardUser rehashedIfNeeded(DashboardUser user, String password) {
        if (!hasher.needsRehash(user.passwordHash())) {
            return user;
        }
        DashboardUser rehashed = user.withRehashedPassword(hasher.hash(password));
        return users.update(rehashed, user.version()) ? rehashed : user;
    }

    private IssuedDashboardSession newSession(DashboardUser user) {
        IssuedDashboardSession issued = tokens.issue(user.userId(), user.merchantId());
        sessions.save(issued.session());
        return issued;
    }

    /** Accepts and uses up a TOTP code or a recovery code, or gives empty. */
    private Optional<UsedSecondFactor> useSecondFactor(DashboardUser loaded, String code) {
        DashboardUser user = loaded;
        for (int tries = 0; tries < MAX_WRITE_CONFLICTS; tries++) {
            Optional<UsedSecondFactor> used = afterUsing(user, code);
            if (used.isEmpty()) {
                return Optional.empty();
            }
            if (users.update(used.get().user(), user.version())) {
                return used;
            }
            // Changed since it was read, perhaps by a sign-in with this very code: judge it again.
            Optional<DashboardUser> reread = users.findById(user.userId()).filter(DashboardUser::totpEnabled);
            if (reread.isEmpty()) {
                return Optional.empty();
            }
            user = reread.get();
        }
        return Optional.empty();
    }

    /** The user with the code used up, when it is good: six digits are a TOTP code, anything else a recovery code. */
    private Optional<UsedSecondFactor> afterUsing(DashboardUser user, String code) {
        TotpVerification verification = totp.verify(TotpSecret.fromBase32(user.totpSecret()), code,
                clock.instant(), user.totpLastUsedStep());
        if (verification instanceof TotpVerification.Accepted accepted) {
            return Optional.of(new UsedSecondFactor(user.withTotpStepUsed(accepted.step()), false));
        }
        if (verification instanceof TotpVerification.Refused refused
                && refused.reason() != TotpVerification.Reason.MALFORMED) {
            return Optional.empty();
        }
        int index = RecoveryCodes.matchIndex(code, user.recoveryCodeHashes());
        return index < 0 ? Optional.empty() : Optional.of(new UsedSecondFactor(user.withoutRecoveryCode(index), true));
    }

    private record UsedSecondFactor(DashboardUser user, boolean recoveryCode) {
    }
}

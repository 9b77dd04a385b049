package com.circoflows.domain.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.ids.RandomIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DashboardUserRepository} must do, run against the in-memory fake and the DynamoDB
 * adapter alike. Stores may be shared between tests, so each test uses fresh ids and emails. Times are
 * whole milliseconds, the precision the stores keep.
 */
public abstract class DashboardUserRepositoryContract {
    protected static final Instant CREATED_AT = Instant.parse("2030-03-04T05:06:07.089Z");

    /** The store under test; the same instance for the whole test. */
    protected abstract DashboardUserRepository users();

    @Test
    public void createdUserIsFoundByIdAndByEmailWithEveryField() {
        DashboardUser user = new DashboardUser(userId(), merchantId(), email(), "Ana Lima", DashboardRole.DEVELOPER,
                "$2a$12$hash", CREATED_AT, CREATED_AT.plusSeconds(60), true, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
                59_000_123L, List.of("hash-1", "hash-2", "hash-3"), 7);

        users().create(user);

        assertEquals(user, users().findById(user.userId()).orElseThrow());
        assertEquals(user, users().findByEmail(user.email()).orElseThrow());
    }

    @Test
    public void userWithoutNameOrSecondFactorReadsBackWithout() {
        DashboardUser user = owner(merchantId());

        users().create(user);

        DashboardUser found = users().findById(user.userId()).orElseThrow();
        assertEquals(user, found);
        assertEquals(null, found.displayName());
        assertFalse(found.totpEnabled());
        assertEquals(Totp.NO_STEP_USED, found.totpLastUsedStep());
    }

    @Test
    public void unknownIdAndEmailAreEmpty() {
        assertTrue(users().findById(userId()).isEmpty());
        assertTrue(users().findByEmail(email()).isEmpty());
    }

    @Test
    public void anEmailAnyMerchantsUserHasIsRefusedAndTheFirstUserStays() {
        DashboardUser first = owner(merchantId());
        users().create(first);
        DashboardUser second = user(merchantId(), first.email(), DashboardRole.OWNER);

        assertThrows(EmailAlreadyRegistered.class, () -> users().create(second));

        assertEquals(first, users().findByEmail(first.email()).orElseThrow());
        assertTrue(users().findById(second.userId()).isEmpty());
    }

    @Test
    public void ofConcurrentSignUpsWithOneEmailExactlyOneIsCreated() throws Exception {
        String email = email();
        List<DashboardUser> candidates = new ArrayList<>();
        List<Callable<?>> creates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            DashboardUser candidate = user(merchantId(), email, DashboardRole.OWNER);
            candidates.add(candidate);
            creates.add(() -> {
                users().create(candidate);
                return candidate.userId();
            });
        }

        List<Object> outcomes = Concurrently.run(creates);

        List<Object> created = outcomes.stream().filter(String.class::isInstance).toList();
        assertEquals(1, created.size(), outcomes.toString());
        outcomes.stream().filter(outcome -> !(outcome instanceof String))
                .forEach(refused -> assertInstanceOf(EmailAlreadyRegistered.class, refused));
        assertEquals(created.get(0), users().findByEmail(email).orElseThrow().userId());
        assertEquals(1, candidates.stream().filter(c -> users().findById(c.userId()).isPresent()).count());
    }

    @Test
    public void updateAtTheVersionReadReplacesTheWholeUser() {
        DashboardUser enrolled = new DashboardUser(userId(), merchantId(), email(), "Ana", DashboardRole.OWNER, "h1",
                CREATED_AT, CREATED_AT, false, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", 10, List.of("a", "b"), 3);
        users().create(enrolled);
        DashboardUser withoutTotp = enrolled.withoutTotp();

        assertTrue(users().update(withoutTotp, 3));

        assertEquals(withoutTotp, users().findById(enrolled.userId()).orElseThrow());
        assertEquals(withoutTotp, users().findByEmail(enrolled.email()).orElseThrow());
    }

    @Test
    public void updateAtAStaleVersionChangesNothing() {
        DashboardUser user = owner(merchantId());
        users().create(user);
        DashboardUser renamed = user.withNewPassword("h2", CREATED_AT.plusSeconds(5));
        assertTrue(users().update(renamed, 1));

        assertFalse(users().update(user.withRole(DashboardRole.VIEWER), 1), "version 1 is gone");

        assertEquals(renamed, users().findById(user.userId()).orElseThrow());
    }

    @Test
    public void updateOfAUserThatIsGoneCreatesNothing() {
        DashboardUser user = owner(merchantId());

        assertFalse(users().update(user.withRole(DashboardRole.VIEWER), 1));

        assertTrue(users().findById(user.userId()).isEmpty());
    }

    @Test
    public void updateWhileOwnerHappensOnlyWhileTheOtherIsAnOwnerOfTheSameMerchant() {
        String merchantId = merchantId();
        DashboardUser ana = owner(merchantId);
        DashboardUser bo = owner(merchantId);
        DashboardUser stranger = owner(merchantId());
        users().create(ana);
        users().create(bo);
        users().create(stranger);

        assertFalse(users().updateWhileOwner(ana.withRole(DashboardRole.VIEWER), 1, stranger.userId()),
                "an owner of another merchant does not count");
        assertFalse(users().updateWhileOwner(ana.withRole(DashboardRole.VIEWER), 1, userId()), "nor does nobody");
        assertEquals(ana, users().findById(ana.userId()).orElseThrow());

        assertTrue(users().update(bo.withRole(DashboardRole.DEVELOPER), 1));
        assertFalse(users().updateWhileOwner(ana.withRole(DashboardRole.VIEWER), 1, bo.userId()),
                "bo is no longer an owner");
        assertEquals(ana, users().findById(ana.userId()).orElseThrow());

        DashboardUser cy = owner(merchantId);
        users().create(cy);
        assertTrue(users().updateWhileOwner(ana.withRole(DashboardRole.VIEWER), 1, cy.userId()));
        assertEquals(DashboardRole.VIEWER, users().findById(ana.userId()).orElseThrow().role());
        assertFalse(users().updateWhileOwner(ana.withRole(DashboardRole.DEVELOPER), 1, cy.userId()), "stale version");
    }

    @Test
    public void twoOwnersDemotingEachOtherAtOnceLeaveTheMerchantAnOwner() throws Exception {
        for (int round = 0; round < 5; round++) {
            String merchantId = merchantId();
            DashboardUser ana = owner(merchantId);
            DashboardUser bo = owner(merchantId);
            users().create(ana);
            users().create(bo);

            List<Object> outcomes = Concurrently.run(List.of(
                    () -> users().updateWhileOwner(ana.withRole(DashboardRole.VIEWER), 1, bo.userId()),
                    () -> users().updateWhileOwner(bo.withRole(DashboardRole.VIEWER), 1, ana.userId())));

            outcomes.forEach(outcome -> assertInstanceOf(Boolean.class, outcome));
            long demoted = outcomes.stream().filter(Boolean.TRUE::equals).count();
            assertTrue(demoted <= 1, "both owners were demoted");
            long owners = List.of(ana, bo).stream().map(user -> users().findById(user.userId()).orElseThrow())
                    .filter(user -> user.role() == DashboardRole.OWNER).count();
            assertEquals(2 - demoted, owners);
        }
    }

    @Test
    public void deleteReleasesTheEmailForANewUser() {
        DashboardUser user = owner(merchantId());
        users().create(user);

        assertTrue(users().delete(user.userId(), 1, null));

        assertTrue(users().findById(user.userId()).isEmpty());
        assertTrue(users().findByEmail(user.email()).isEmpty());
        DashboardUser again = user(merchantId(), user.email(), DashboardRole.OWNER);
        users().create(again);
        assertEquals(again, users().findByEmail(user.email()).orElseThrow());
    }

    @Test
    public void deleteAtAStaleVersionOrOfNobodyChangesNothing() {
        DashboardUser user = owner(merchantId());
        users().create(user);
        assertTrue(users().update(user.withRole(DashboardRole.DEVELOPER), 1));

        assertFalse(users().delete(user.userId(), 1, null));
        assertFalse(users().delete(userId(), 1, null));

        assertEquals(2, users().findByEmail(user.email()).orElseThrow().version());
        assertThrows(EmailAlreadyRegistered.class,
                () -> users().create(user(merchantId(), user.email(), DashboardRole.OWNER)), "the email stays taken");
    }

    @Test
    public void deleteWhileOwnerHappensOnlyWhileTheOtherIsStillAnOwner() {
        String merchantId = merchantId();
        DashboardUser ana = owner(merchantId);
        DashboardUser bo = owner(merchantId);
        users().create(ana);
        users().create(bo);
        assertTrue(users().update(bo.withRole(DashboardRole.VIEWER), 1));

        assertFalse(users().delete(ana.userId(), 1, bo.userId()));
        assertEquals(ana, users().findById(ana.userId()).orElseThrow());

        DashboardUser cy = owner(merchantId);
        users().create(cy);
        assertTrue(users().delete(ana.userId(), 1, cy.userId()));
        assertTrue(users().findByEmail(ana.email()).isEmpty());
    }

    @Test
    public void listByMerchantHoldsEveryUserOfThatMerchantAndNoOther() {
        String merchantId = merchantId();
        DashboardUser ana = owner(merchantId);
        DashboardUser bo = user(merchantId, email(), DashboardRole.VIEWER);
        DashboardUser stranger = owner(merchantId());
        users().create(ana);
        users().create(bo);
        users().create(stranger);

        assertEquals(Set.of(ana, bo), Set.copyOf(users().listByMerchant(merchantId)));
        assertEquals(List.of(), users().listByMerchant(merchantId()));
        assertTrue(users().delete(bo.userId(), 1, null));
        assertEquals(List.of(ana), users().listByMerchant(merchantId));
    }

    protected static DashboardUser owner(String merchantId) {
        return user(merchantId, email(), DashboardRole.OWNER);
    }

    protected static DashboardUser user(String merchantId, String email, DashboardRole role) {
        return new DashboardUser(userId(), merchantId, email, null, role, "$2a$12$" + RandomIds.base62(20), CREATED_AT,
                CREATED_AT, false, null, Totp.NO_STEP_USED, List.of(), 1);
    }

    protected static String userId() {
        return DashboardUser.ID_PREFIX + RandomIds.base62(DashboardUser.ID_RANDOM_LENGTH);
    }

    protected static String merchantId() {
        return "mch_" + RandomIds.base62(16);
    }

    protected static String email() {
        return RandomIds.base62(12).toLowerCase(java.util.Locale.ROOT) + "@example.com";
    }
}

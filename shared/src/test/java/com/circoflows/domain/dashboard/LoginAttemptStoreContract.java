package com.circoflows.domain.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.ids.RandomIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoginAttemptStore} must do, run against the in-memory fake and the DynamoDB adapter
 * alike: conditional replaces of the record the caller loaded. Stores may be shared between tests, so
 * each test uses fresh emails and addresses.
 */
public abstract class LoginAttemptStoreContract {
    /** Before the stores' clock, so no record written here has passed its keepUntil. */
    protected static final Instant NOW = Instant.parse("2030-03-04T05:06:07.089Z");
    protected static final Instant KEEP_UNTIL = NOW.plusSeconds(86_400);

    /** The store under test; the same instance for the whole test. */
    protected abstract LoginAttemptStore store();

    @Test
    public void unknownEmailAndAddressLoadAsNone() {
        assertEquals(AccountAttempts.NONE, store().loadAccount(email()));
        assertEquals(AddressAttempts.NONE, store().loadAddress(address()));
    }

    @Test
    public void savedAccountRecordLoadsBackAndReplacesOnlyWhatWasLoaded() {
        String email = email();
        AccountAttempts one = new AccountAttempts(1, NOW);
        AccountAttempts two = new AccountAttempts(2, NOW.plusMillis(1500));

        assertTrue(store().saveAccount(email, AccountAttempts.NONE, one, KEEP_UNTIL));
        assertEquals(one, store().loadAccount(email));
        assertFalse(store().saveAccount(email, AccountAttempts.NONE, two, KEEP_UNTIL), "the record is no longer none");
        assertTrue(store().saveAccount(email, one, two, KEEP_UNTIL));
        assertFalse(store().saveAccount(email, one, new AccountAttempts(9, NOW), KEEP_UNTIL), "stale");

        assertEquals(two, store().loadAccount(email));
        assertEquals(AccountAttempts.NONE, store().loadAccount(email()), "another email has its own record");
    }

    @Test
    public void savingNoneForgetsTheAccountsFailuresOnlyOverTheRecordLoaded() {
        String email = email();
        AccountAttempts three = new AccountAttempts(3, NOW);
        store().saveAccount(email, AccountAttempts.NONE, three, KEEP_UNTIL);

        assertFalse(store().saveAccount(email, new AccountAttempts(2, NOW), AccountAttempts.NONE, NOW));
        assertEquals(three, store().loadAccount(email));
        assertTrue(store().saveAccount(email, three, AccountAttempts.NONE, NOW));

        assertEquals(AccountAttempts.NONE, store().loadAccount(email));
        assertTrue(store().saveAccount(email, AccountAttempts.NONE, new AccountAttempts(1, NOW), KEEP_UNTIL),
                "counting starts again from none");
    }

    @Test
    public void savedAddressRecordLoadsBackAndReplacesOnlyWhatWasLoaded() {
        String address = address();
        AddressAttempts first = new AddressAttempts(1_900_000_000L, 1);
        AddressAttempts second = new AddressAttempts(1_900_000_000L, 2);
        AddressAttempts nextWindow = new AddressAttempts(1_900_000_600L, 1);

        assertTrue(store().saveAddress(address, AddressAttempts.NONE, first, KEEP_UNTIL));
        assertFalse(store().saveAddress(address, AddressAttempts.NONE, second, KEEP_UNTIL));
        assertTrue(store().saveAddress(address, first, second, KEEP_UNTIL));
        assertFalse(store().saveAddress(address, first, nextWindow, KEEP_UNTIL), "stale");
        assertTrue(store().saveAddress(address, second, nextWindow, KEEP_UNTIL));

        assertEquals(nextWindow, store().loadAddress(address));
    }

    @Test
    public void ofConcurrentSavesFromOneLoadedAccountRecordExactlyOneWins() throws Exception {
        String email = email();
        AccountAttempts loaded = new AccountAttempts(4, NOW);
        store().saveAccount(email, AccountAttempts.NONE, loaded, KEEP_UNTIL);

        List<Object> outcomes = Concurrently.run(saves(8,
                i -> store().saveAccount(email, loaded, new AccountAttempts(5, NOW.plusMillis(i + 1)), KEEP_UNTIL)));

        assertEquals(1, outcomes.stream().filter(Boolean.TRUE::equals).count(), outcomes.toString());
        assertEquals(7, outcomes.stream().filter(Boolean.FALSE::equals).count(), outcomes.toString());
        assertEquals(5, store().loadAccount(email).consecutiveFailures());
    }

    @Test
    public void ofConcurrentFirstFailuresFromOneAddressExactlyOneIsCounted() throws Exception {
        String address = address();

        List<Object> outcomes = Concurrently.run(saves(8,
                i -> store().saveAddress(address, AddressAttempts.NONE, new AddressAttempts(1_900_000_000L + i, 1),
                        KEEP_UNTIL)));

        assertEquals(1, outcomes.stream().filter(Boolean.TRUE::equals).count(), outcomes.toString());
        assertEquals(1, store().loadAddress(address).failures());
    }

    private interface Save {
        boolean save(int index);
    }

    private static List<Callable<?>> saves(int count, Save save) {
        List<Callable<?>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            tasks.add(() -> save.save(index));
        }
        return tasks;
    }

    protected static String email() {
        return RandomIds.base62(12).toLowerCase(java.util.Locale.ROOT) + "@example.com";
    }

    protected static String address() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000))
                + "::/64";
    }
}

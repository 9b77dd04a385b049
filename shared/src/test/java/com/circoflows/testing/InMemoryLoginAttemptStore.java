package com.circoflows.testing;

import com.circoflows.domain.dashboard.AccountAttempts;
import com.circoflows.domain.dashboard.AddressAttempts;
import com.circoflows.domain.dashboard.LoginAttemptStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The sign-in counts in maps, with conditional saves as the port asks. A test can make another attempt
 * land between a load and its save ({@link #beforeNextAccountSave}) to see a lost write retried.
 */
public final class InMemoryLoginAttemptStore implements LoginAttemptStore {
    private final Map<String, AccountAttempts> accounts = new HashMap<>();
    private final Map<String, AddressAttempts> addresses = new HashMap<>();
    private Runnable beforeNextAccountSave;

    @Override
    public synchronized AccountAttempts loadAccount(String email) {
        return accounts.getOrDefault(email, AccountAttempts.NONE);
    }

    @Override
    public synchronized boolean saveAccount(String email, AccountAttempts expected, AccountAttempts next,
            Instant keepUntil) {
        Runnable interleaved = beforeNextAccountSave;
        if (interleaved != null) {
            beforeNextAccountSave = null;
            interleaved.run();
        }
        if (!loadAccount(email).equals(expected)) {
            return false;
        }
        if (next.equals(AccountAttempts.NONE)) {
            accounts.remove(email);
        } else {
            accounts.put(email, next);
        }
        return true;
    }

    @Override
    public synchronized AddressAttempts loadAddress(String address) {
        return addresses.getOrDefault(address, AddressAttempts.NONE);
    }

    @Override
    public synchronized boolean saveAddress(String address, AddressAttempts expected, AddressAttempts next,
            Instant keepUntil) {
        if (!loadAddress(address).equals(expected)) {
            return false;
        }
        addresses.put(address, next);
        return true;
    }

    /** Runs {@code interleaved} inside the next account save, after its caller loaded and before it writes. */
    public synchronized void beforeNextAccountSave(Runnable interleaved) {
        this.beforeNextAccountSave = interleaved;
    }

    public synchronized Map<String, AccountAttempts> accounts() {
        return Map.copyOf(accounts);
    }

    public synchronized Map<String, AddressAttempts> addresses() {
        return Map.copyOf(addresses);
    }
}

package com.circoflows.domain.dashboard;

/** Who a valid session cookie belongs to, as {@link DashboardAccounts#authenticate} found them, now. */
public record SignedInUser(DashboardUser user, DashboardSession session) {
    public DashboardRole role() {
        return user.role();
    }

    public String merchantId() {
        return user.merchantId();
    }
}

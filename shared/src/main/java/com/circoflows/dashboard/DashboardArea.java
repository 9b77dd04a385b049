package com.circoflows.dashboard;

/** A group of dashboard pages (account, settings, payments) that one function serves. */
public interface DashboardArea {
    void addTo(DashboardRoutes routes);
}

package com.circoflows.dashboard;

import com.circoflows.api.ApiResponse;

/** What one dashboard route answers. */
@FunctionalInterface
public interface DashboardPage {
    ApiResponse handle(Visit visit);
}

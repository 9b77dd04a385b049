package com.circoflows.domain.webhook;

import java.time.Instant;

/**
 * Where a retrying event's chain of scheduled attempts stands: how many of the schedule's attempts
 * it has made and when its job is due back in the queue. Stored with the event, so the event itself
 * says a job should exist, and the sweeper can tell when one is overdue (the queue lost it).
 *
 * @param schedulePosition the schedule's attempts made so far (the last chain attempt's number in it)
 * @param dueAt            when the job comes back for the next attempt, or to be dead-lettered
 */
public record NextAttempt(int schedulePosition, Instant dueAt) {
}

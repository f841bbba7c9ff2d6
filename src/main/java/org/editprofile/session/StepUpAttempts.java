package org.editprofile.session;

import java.io.Serializable;
import java.time.Instant;

/** How many step-ups this session started within the window that began at {@code windowStart}. */
public record StepUpAttempts(int count, Instant windowStart) implements Serializable {}

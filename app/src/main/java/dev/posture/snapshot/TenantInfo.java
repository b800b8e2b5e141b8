package dev.posture.snapshot;

/** Who the snapshot describes and when it was taken. */
public record TenantInfo(String id, String displayName, String industry, Integer seats, String capturedAt) {}

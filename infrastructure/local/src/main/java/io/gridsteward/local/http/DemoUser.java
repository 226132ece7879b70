package io.gridsteward.local.http;

/** A person of the demo county, for whom the front hands out tokens. */
public record DemoUser(String userId, String role, String organisationId, String description) {}

package io.gridsteward.local.stream;

/** What delivering one batch took: invocations made and records given up on. */
public record DeliveryReport(int invocations, int deadLettered) {}

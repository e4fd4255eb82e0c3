package io.proxima.scouts.domain;

import io.proxima.messaging.domain.ChatMessage;

/** A scout was stored with its message; observed once the transaction has committed. */
public record ScoutSent(Scout scout, ChatMessage message) {}

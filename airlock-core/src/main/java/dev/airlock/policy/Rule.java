package dev.airlock.policy;

/**
 * One policy rule: an id, what it is for, the conditions it matches and the decision it gives, with
 * obligations when the decision is {@code ask}. {@code line} is where it starts in its file.
 */
public record Rule(
    String id,
    String description,
    Match match,
    Decision decision,
    Obligations obligations,
    int line) {}

package dev.posture.store;

import java.util.List;

/** A named set of tenants, for comparisons; its members are tenant ids, sorted, recorded or not. */
public record Group(String name, List<String> members) {}

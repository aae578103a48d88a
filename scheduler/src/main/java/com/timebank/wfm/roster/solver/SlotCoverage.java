package com.timebank.wfm.roster.solver;

/**
 * What one tuple of the coverage stream contributes to one requirement slot: one scheduled agent, or zero for
 * the per-day "seed" that makes every slot appear in the coverage group even when nobody covers it (OptaPlanner
 * 10 constraint streams have no left join / concat, and an uncovered interval is the worst shortfall).
 * Instances are precomputed per slot ({@link RequirementSlot#oneAgent()}, {@link RequirementSlot#seed()}), so
 * the coverage stream allocates nothing per move apart from a sub-list view.
 */
public record SlotCoverage(RequirementSlot slot, int agents) {
}

package com.timebank.wfm.roster.solver;

/**
 * What one tuple of the coverage stream contributes to one requirement slot: the minutes one scheduled agent is on
 * the phone in it (net of breaks, see {@link NetCoverage}), or zero for the per-day "seed" that makes every slot
 * appear in the coverage group even when nobody covers it (OptaPlanner 10 constraint streams have no left join /
 * concat, and an uncovered interval is the worst shortfall). Instances are precomputed per shift option and day
 * ({@link CoverageGrid#coverageOf}) and per slot ({@link RequirementSlot#seed()}), so the coverage stream allocates
 * nothing per move apart from a sub-list view.
 */
public record SlotCoverage(RequirementSlot slot, int onPhoneMinutes) {
}

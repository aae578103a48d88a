/**
 * Roster planning model (OptaPlanner 10.1, constraint streams on Bavet); no Spring, no database.
 *
 * <h2>Model</h2>
 * <ul>
 * <li>Planning entity {@link com.timebank.wfm.roster.solver.AgentDay}: one agent on one day; planning variable
 * its {@link com.timebank.wfm.roster.solver.ShiftOption} (a date-independent template: start × length × queue),
 * {@code null} = day off. Value range per agent (skills, allowed lengths). {@code @PlanningPin} for published
 * days, manual edits and approved full-day absences.</li>
 * <li>Problem facts: {@link com.timebank.wfm.roster.solver.Agent} (contract, skills, preferences, time-bank
 * balance), {@link com.timebank.wfm.roster.solver.RosterDay} (weekend/idle/busy flags),
 * {@link com.timebank.wfm.roster.solver.RequirementSlot} per queue × interval (in a
 * {@link com.timebank.wfm.roster.solver.CoverageGrid}), {@link com.timebank.wfm.roster.solver.Unavailability}.</li>
 * <li>Constraints: {@link com.timebank.wfm.roster.solver.RosterConstraintProvider}, one method each; weights per
 * center in {@link com.timebank.wfm.roster.solver.RosterConstraintConfiguration} ({@code HardSoftLongScore}).</li>
 * </ul>
 *
 * <h2>Use</h2>
 * <pre>{@code
 * RosterSolution problem = RosterProblemBuilder.forHorizon(monday, 28)
 *         .shiftOptions(templates).agents(agents).requirement("general", requiredPerSlot)
 *         .unavailabilities(absences).idleDays(idle).pin(agent, date, shift).build();
 * // or, in tests and benchmarks: new RosterInstanceGenerator().generate(RosterInstanceGenerator.Spec.of(500, 28));
 * RosterSolver solver = new RosterSolver(RosterSolver.Settings.withTimeLimit(Duration.ofSeconds(60))
 *         .withUnimprovedTimeLimit(Duration.ofSeconds(10)));
 * RosterSolution roster = solver.solve(problem);     // each shift with its breaks (ShiftBreaks)
 * solver.explain(roster);                            // cost per constraint, indictments
 * CoverageReport.of(roster);                         // shortfall per interval, net of breaks
 * CoverageBound.of(problem, Duration.ofSeconds(60));  // the best coverage objective any roster could reach (LP)
 * CoverageBound.objectiveOf(roster);                  // the roster's coverage objective, to compare with it
 * // background solving: SolverManager.create(RosterSolver.solverConfig(settings)).
 * }</pre>
 *
 * <h2>Solving</h2>
 * A custom phase: {@link com.timebank.wfm.roster.solver.RosterInitializer} (greedy, rule-aware,
 * round-robin per week; feasible in about a second at 500–2,000 agents; large centers in partitions,
 * {@link com.timebank.wfm.roster.solver.PartitionedRoster}),
 * {@link com.timebank.wfm.roster.solver.RosterImprovement} (hill climbing and ruin and recreate in arrays),
 * {@link com.timebank.wfm.roster.solver.GuidedConstruction} (a second roster aimed at the coverage bound's shift mix),
 * {@link com.timebank.wfm.roster.solver.PartitionCoordination} (a partitioned center's polish, in rounds) and
 * {@link com.timebank.wfm.roster.solver.WeekReplanning} (each agent's two weeks replanned as a whole, in passes,
 * {@link com.timebank.wfm.roster.solver.BestWeek}) and {@link com.timebank.wfm.roster.solver.GroupReplanning} (a few
 * agents' two weeks freed and replanned together, a large neighbourhood search, in rounds); then late acceptance
 * local search over the generic
 * change move and {@link com.timebank.wfm.roster.solver.RosterMoveFactories}. The first phase's loops also end at
 * the solve's {@link com.timebank.wfm.roster.solver.SolveDeadline} (the planner's limit, or a stop). Breaks: a fixed
 * rule per shift option ({@link com.timebank.wfm.roster.solver.ShiftBreaks}), so coverage is scored net of breaks
 * ({@link com.timebank.wfm.roster.solver.NetCoverage}; the coverage vector of a shift:
 * {@link com.timebank.wfm.roster.solver.CoverageGrid#onPhoneMinutesPerSlot}).
 */
package com.timebank.wfm.roster.solver;

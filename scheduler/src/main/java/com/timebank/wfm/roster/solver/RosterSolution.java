package com.timebank.wfm.roster.solver;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/**
 * A roster problem and, once solved, its solution: one {@link AgentDay} per agent and day of the horizon.
 * Build it with {@link RosterProblemBuilder}, which keeps the derived data consistent (eligible shifts,
 * pinned absences, credited minutes, coverage seeds).
 */
@PlanningSolution(solutionCloner = RosterSolutionCloner.class)
public class RosterSolution {

    private LocalDate horizonStart;
    private int horizonDays;
    private CoverageGrid coverageGrid;

    @ProblemFactCollectionProperty
    private List<Agent> agents;
    @ProblemFactCollectionProperty
    private List<RosterDay> days;
    @ProblemFactCollectionProperty
    private List<ShiftOption> shiftOptions;
    @ProblemFactCollectionProperty
    private List<RequirementSlot> requirementSlots;
    @ProblemFactCollectionProperty
    private List<Unavailability> unavailabilities;

    @PlanningEntityCollectionProperty
    private List<AgentDay> agentDays;

    @ConstraintConfigurationProvider
    private RosterConstraintConfiguration constraintConfiguration;

    @PlanningScore
    private HardSoftLongScore score;

    /** Agents whose inputs alone make a hard rule impossible (reported, left off); not a planning fact. */
    private List<AgentIssue> agentIssues = List.of();

    /** Set by this solve's construction step, so that only a fresh greedy roster (not a warm start) is polished. */
    private boolean constructedHere;
    /** When that construction started ({@link System#nanoTime}), so that the polish can keep to the solve's time. */
    private long constructionStartNanos;

    /**
     * The coverage bound's start-time mix, for construction to aim at ({@link GuidedConstruction}): complete when known
     * before solving, completed later by whoever computes the bound next to the solve, null when nobody does (the
     * solver then computes it itself). Shared by the planning clones, so a mix that arrives during the solve is seen.
     */
    private CompletableFuture<ShiftMix> shiftMix;

    /** When this solve ends (the planner's limit, or a stop); shared by the planning clones. */
    private SolveDeadline solveDeadline = new SolveDeadline();

    /** Rounds of the first phase's repeated steps in this solve; the working solution's only, not cloned. */
    private final Map<Class<? extends RepeatedStep>, RepeatedStep.Rounds> repeatedStepRounds = new HashMap<>();

    /** For the solution cloner. */
    public RosterSolution() {
    }

    public RosterSolution(CoverageGrid coverageGrid, List<Agent> agents, List<RosterDay> days,
            List<ShiftOption> shiftOptions, List<Unavailability> unavailabilities, List<AgentDay> agentDays,
            RosterConstraintConfiguration constraintConfiguration) {
        this.horizonStart = coverageGrid.getStart();
        this.horizonDays = coverageGrid.getDays();
        this.coverageGrid = coverageGrid;
        this.agents = agents;
        this.days = days;
        this.shiftOptions = shiftOptions;
        this.requirementSlots = coverageGrid.allSlots();
        this.unavailabilities = unavailabilities;
        this.agentDays = agentDays;
        this.constraintConfiguration = constraintConfiguration;
        AgentDay.markCoverageSeeds(agentDays);
    }

    /** A planning clone sharing all problem facts, with the given (cloned) agent-days. */
    RosterSolution withAgentDays(List<AgentDay> clonedAgentDays) {
        RosterSolution clone = new RosterSolution();
        clone.horizonStart = horizonStart;
        clone.horizonDays = horizonDays;
        clone.coverageGrid = coverageGrid;
        clone.agents = agents;
        clone.days = days;
        clone.shiftOptions = shiftOptions;
        clone.requirementSlots = requirementSlots;
        clone.unavailabilities = unavailabilities;
        clone.agentDays = clonedAgentDays;
        clone.constraintConfiguration = constraintConfiguration;
        clone.score = score;
        clone.agentIssues = agentIssues;
        clone.shiftMix = shiftMix;
        clone.solveDeadline = solveDeadline;
        return clone;
    }

    public LocalDate getHorizonStart() {
        return horizonStart;
    }

    public int getHorizonDays() {
        return horizonDays;
    }

    public CoverageGrid getCoverageGrid() {
        return coverageGrid;
    }

    public List<Agent> getAgents() {
        return agents;
    }

    public List<RosterDay> getDays() {
        return days;
    }

    /** The contract weeks of the horizon ({@link ContractWeeks}). */
    public ContractWeeks getContractWeeks() {
        return days.get(0).getContractWeeks();
    }

    public List<ShiftOption> getShiftOptions() {
        return shiftOptions;
    }

    public List<RequirementSlot> getRequirementSlots() {
        return requirementSlots;
    }

    public List<Unavailability> getUnavailabilities() {
        return unavailabilities;
    }

    public List<AgentDay> getAgentDays() {
        return agentDays;
    }

    public RosterConstraintConfiguration getConstraintConfiguration() {
        return constraintConfiguration;
    }

    public void setConstraintConfiguration(RosterConstraintConfiguration constraintConfiguration) {
        this.constraintConfiguration = constraintConfiguration;
    }

    public List<AgentIssue> getAgentIssues() {
        return agentIssues;
    }

    void setAgentIssues(List<AgentIssue> agentIssues) {
        this.agentIssues = List.copyOf(agentIssues);
    }

    public HardSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }

    /** The coverage bound's start-time mix, when or once known; null when no caller offers one. */
    public CompletableFuture<ShiftMix> getShiftMix() {
        return shiftMix;
    }

    /** The LP's start-time mix ({@link CoverageBound.Result#mix()}), known before solving. */
    public void setShiftMix(ShiftMix mix) {
        this.shiftMix = CompletableFuture.completedFuture(mix);
    }

    /** The LP's start-time mix as it will be known, e.g. from the bound computed on its own thread (null: none). */
    public void setShiftMix(CompletableFuture<ShiftMix> mix) {
        this.shiftMix = mix;
    }

    /** The state of the first phase's repeated steps ({@link RepeatedStep}) in this solve, by step. */
    Map<Class<? extends RepeatedStep>, RepeatedStep.Rounds> repeatedStepRounds() {
        return repeatedStepRounds;
    }

    /** When this solve ends: the caller sets the planner's limit and ends it now on a stop. */
    public SolveDeadline getSolveDeadline() {
        return solveDeadline;
    }

    boolean isConstructedHere() {
        return constructedHere;
    }

    void markConstructedHere() {
        this.constructedHere = true;
        this.constructionStartNanos = System.nanoTime();
    }

    /** Milliseconds since this solve's construction started (0 when it was not constructed here). */
    long millisSinceConstruction() {
        return constructedHere ? (System.nanoTime() - constructionStartNanos) / 1_000_000 : 0;
    }
}

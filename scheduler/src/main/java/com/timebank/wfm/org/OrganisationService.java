package com.timebank.wfm.org;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.ForbiddenException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.NotFoundException;
import com.timebank.wfm.api.Paging;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.security.CurrentUser;

/** Centers, teams and agents; every read is filtered by the caller's scope. */
@Service
public class OrganisationService {

    private final OrganisationRepository repository;
    private final CenterSettingsService settings;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public OrganisationService(OrganisationRepository repository, CenterSettingsService settings, AuditLog audit,
            Transactions transactions, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.settings = settings;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
    }

    public record NewCenter(String code, String name, String timeZone, Integer intervalMinutes) {
    }

    public record NewAgent(String employeeNo, String name, String centerCode, String teamCode, Integer weeklyMinMinutes,
            Integer weeklyMaxMinutes, List<String> skills) {
    }

    public Center createCenter(NewCenter c, CurrentUser user) {
        return transactions.write(() -> {
            requireAdmin(user);
            Validation v = new Validation();
            ZoneId zone = null;
            try {
                zone = c.timeZone() == null ? null : ZoneId.of(c.timeZone());
            } catch (DateTimeException e) {
                v.require(false, "timeZone", "org.not-time-zone-use", c.timeZone());
            }
            v.require(c.intervalMinutes() == null || Center.INTERVALS.contains(c.intervalMinutes()), "intervalMinutes",
                    "org.intervalminutes");
            v.throwIfInvalid();
            if (repository.centerByCode(c.code()).isPresent()) {
                throw ConflictException.of("org.center-already-exists", c.code());
            }
            int interval = c.intervalMinutes() == null ? 30 : c.intervalMinutes();
            long id = repository.insertCenter(c.code(), c.name(), zone.getId(), interval, now());
            settings.createDefaults(id, user.actor());
            audit.record(user.actor(), AuditAction.CENTER_CREATED, "center:" + c.code(),
                    Message.of("audit.center-created", c.name(), zone.getId(), interval));
            return repository.centerById(id).orElseThrow();
        });
    }

    static final int MAX_NAME = 200;

    /** Renames a center (admin); its code, the key of every link and file, stays. Audited with both names. */
    public Center renameCenter(String code, String name, CurrentUser user) {
        return transactions.write(() -> {
            requireAdmin(user);
            Center center = center(code, user);
            String trimmed = checkedName(name);
            repository.renameCenter(center.id(), trimmed);
            audit.record(user.actor(), AuditAction.CENTER_RENAMED, "center:" + code,
                    Message.of("audit.renamed", center.name(), trimmed));
            return repository.centerById(center.id()).orElseThrow();
        });
    }

    /** Renames a team (admin); its code stays. Audited with both names. */
    public Team renameTeam(String centerCode, String code, String name, CurrentUser user) {
        return transactions.write(() -> {
            requireAdmin(user);
            Center center = center(centerCode, user);
            Team team = repository.team(center.id(), code).orElseThrow(() -> new NotFoundException("Team", code));
            String trimmed = checkedName(name);
            repository.renameTeam(team.id(), trimmed);
            audit.record(user.actor(), AuditAction.TEAM_RENAMED, "team:" + centerCode + "/" + code,
                    Message.of("audit.renamed", team.name(), trimmed));
            return repository.teamsByIds(List.of(team.id())).get(0);
        });
    }

    private static String checkedName(String name) {
        Validation v = new Validation();
        v.require(name != null && !name.isBlank(), "name", "org.name-required");
        v.throwIfInvalid();
        v.require(name.trim().length() <= MAX_NAME, "name", "org.name-most-characters", MAX_NAME);
        v.throwIfInvalid();
        return name.trim();
    }

    @Transactional(readOnly = true)
    public Center center(String code, CurrentUser user) {
        return repository.centerByCode(code).filter(c -> user.seesCenter(c.id()))
                .orElseThrow(() -> new NotFoundException("Center", code));
    }

    /** Planner's or admin's access to a center's planning; anyone else gets a 404. */
    @Transactional(readOnly = true)
    public Center plannedCenter(String code, CurrentUser user) {
        return repository.centerByCode(code).filter(c -> user.plansCenter(c.id()))
                .orElseThrow(() -> new NotFoundException("Center", code));
    }

    @Transactional(readOnly = true)
    public List<Center> centers(CurrentUser user) {
        return repository.centers().stream().filter(c -> user.seesCenter(c.id())).toList();
    }

    /** For jobs and other services acting without a user. */
    @Transactional(readOnly = true)
    public List<Center> allCenters() {
        return repository.centers();
    }

    @Transactional(readOnly = true)
    public Optional<Center> findCenter(String code) {
        return repository.centerByCode(code);
    }

    @Transactional(readOnly = true)
    public Center centerById(long id) {
        return repository.centerById(id).orElseThrow(() -> new NotFoundException("Center", id));
    }

    public Team createTeam(String centerCode, String code, String name, CurrentUser user) {
        return transactions.write(() -> {
            requireAdmin(user);
            Center center = center(centerCode, user);
            if (repository.team(center.id(), code).isPresent()) {
                throw ConflictException.of("org.team-already-exists-center", code, centerCode);
            }
            long id = repository.insertTeam(center.id(), code, name, now());
            audit.record(user.actor(), AuditAction.TEAM_CREATED, "team:" + centerCode + "/" + code,
                    Message.of("audit.team-created", name));
            return repository.teamsByIds(List.of(id)).get(0);
        });
    }

    /** Every team the user sees, in all their centers, by center and code (two centers may share a team code). */
    @Transactional(readOnly = true)
    public List<Team> visibleTeams(CurrentUser user) {
        return centers(user).stream().flatMap(c -> teams(c.code(), user).stream())
                .sorted(java.util.Comparator.comparing(Team::centerCode).thenComparing(Team::code)).toList();
    }

    @Transactional(readOnly = true)
    public List<Team> teams(String centerCode, CurrentUser user) {
        Center center = center(centerCode, user);
        return repository.teamsOfCenter(center.id()).stream().filter(t -> user.seesTeam(t.centerId(), t.id())).toList();
    }

    @Transactional(readOnly = true)
    public Team team(String centerCode, String teamCode, CurrentUser user) {
        Center center = center(centerCode, user);
        return repository.team(center.id(), teamCode).filter(t -> user.seesTeam(t.centerId(), t.id()))
                .orElseThrow(() -> new NotFoundException("Team", centerCode + "/" + teamCode));
    }

    /** Teams by code, optionally qualified as CENTER/TEAM; ambiguous or unknown codes are field errors. */
    @Transactional(readOnly = true)
    public List<Team> resolveTeams(Collection<String> codes, Collection<Long> inCenters, Validation v, String field) {
        List<Team> found = new java.util.ArrayList<>();
        for (String code : codes) {
            List<Team> matches;
            int slash = code.indexOf('/');
            if (slash > 0) {
                String centerCode = code.substring(0, slash);
                String teamCode = code.substring(slash + 1);
                matches = repository.teamsByCode(teamCode).stream().filter(t -> t.centerCode().equals(centerCode)).toList();
            } else {
                matches = repository.teamsByCode(code);
                if (matches.size() > 1 && !inCenters.isEmpty()) {
                    matches = matches.stream().filter(t -> inCenters.contains(t.centerId())).toList();
                }
            }
            if (matches.isEmpty()) {
                v.require(false, field, "org.unknown-team", code);
            } else if (matches.size() > 1) {
                v.require(false, field, "org.team-code-exists-several", code, code);
            } else {
                found.add(matches.get(0));
            }
        }
        return found;
    }

    @Transactional(readOnly = true)
    public List<Team> teamsByIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : repository.teamsByIds(ids);
    }

    public Agent createAgent(NewAgent a, CurrentUser user) {
        return transactions.write(() -> {
            requireAdmin(user);
            Validation v = new Validation();
            Optional<Center> center = repository.centerByCode(a.centerCode());
            v.require(center.isPresent(), "centerCode", "org.unknown-center", a.centerCode());
            Optional<Team> team = center.flatMap(c -> repository.team(c.id(), a.teamCode()));
            v.require(center.isEmpty() || team.isPresent(), "teamCode", "org.unknown-team-center", a.teamCode(),
                    a.centerCode());
            v.require(a.weeklyMinMinutes() <= a.weeklyMaxMinutes(), "weeklyMinMinutes",
                    "org.weeklyminminutes-not-exceed-weeklymaxminutes");
            v.throwIfInvalid();
            if (repository.agentByEmployeeNo(a.employeeNo()).isPresent()) {
                throw ConflictException.of("org.agent-already-exists", a.employeeNo());
            }
            List<String> skills = a.skills() == null ? List.of()
                    : List.copyOf(new LinkedHashSet<>(a.skills().stream().map(String::trim).toList()));
            long id = repository.insertAgent(a.employeeNo(), a.name(), center.get().id(), team.get().id(),
                    a.weeklyMinMinutes(), a.weeklyMaxMinutes(), skills, now());
            audit.record(user.actor(), AuditAction.AGENT_CREATED, "agent:" + a.employeeNo(),
                    Message.of("audit.agent-created", a.name(), a.centerCode(), a.teamCode()));
            return repository.agentById(id).orElseThrow();
        });
    }

    /** The fields of an agent an admin may change; {@code null} keeps the value. The employee number and center stay. */
    public record AgentChange(String name, String teamCode, Integer weeklyMinMinutes, Integer weeklyMaxMinutes,
            List<String> skills) {
    }

    static final int MAX_WEEKLY_MINUTES = 7 * 24 * 60;
    static final int MAX_SKILL = 64;

    /** Changes an agent (admin): name, team within the center, contract, skills. Audited with before and after. */
    public Agent changeAgent(String employeeNo, AgentChange change, CurrentUser user) {
        return transactions.write(() -> {
            requireAdmin(user);
            Agent before = agent(employeeNo, user);
            Validation v = new Validation();
            String name = before.name();
            if (change.name() != null) {
                v.require(!change.name().isBlank(), "name", "org.name-required");
                v.require(change.name().trim().length() <= MAX_NAME, "name", "org.name-most-characters", MAX_NAME);
                name = change.name().trim();
            }
            long teamId = before.teamId();
            String teamCode = before.teamCode();
            if (change.teamCode() != null) {
                Optional<Team> team = repository.team(before.centerId(), change.teamCode());
                v.require(team.isPresent(), "teamCode", "org.unknown-team-center", change.teamCode(), before.centerCode());
                if (team.isPresent()) {
                    teamId = team.get().id();
                    teamCode = team.get().code();
                }
            }
            int min = change.weeklyMinMinutes() == null ? before.weeklyMinMinutes() : change.weeklyMinMinutes();
            int max = change.weeklyMaxMinutes() == null ? before.weeklyMaxMinutes() : change.weeklyMaxMinutes();
            v.require(min >= 0 && min <= MAX_WEEKLY_MINUTES, "weeklyMinMinutes", "org.agent.weekly-minutes-range", 0,
                    MAX_WEEKLY_MINUTES);
            v.require(max >= 0 && max <= MAX_WEEKLY_MINUTES, "weeklyMaxMinutes", "org.agent.weekly-minutes-range", 0,
                    MAX_WEEKLY_MINUTES);
            v.require(min <= max, "weeklyMinMinutes", "org.weeklyminminutes-not-exceed-weeklymaxminutes");
            List<String> skills = before.skills();
            if (change.skills() != null) {
                for (String skill : change.skills()) {
                    v.require(skill != null && !skill.isBlank() && skill.trim().length() <= MAX_SKILL, "skills",
                            "org.agent.skill-invalid", MAX_SKILL);
                }
                if (!v.hasErrors()) {
                    skills = change.skills().stream().map(String::trim).distinct().sorted().toList();
                }
            }
            v.throwIfInvalid();
            if (min != before.weeklyMinMinutes() || max != before.weeklyMaxMinutes()) {
                // a contract changed without a date takes effect today, in the history like a dated change
                recordContract(before, centerById(before.centerId()).today(clock), min, max, user.actor());
            }
            repository.updateAgent(before.id(), name, teamId, min, max, skills);
            if (teamId != before.teamId()) {
                events.publishEvent(new AgentMoved(before.id(), before.teamId(), teamId));
            }
            Agent after = repository.agentById(before.id()).orElseThrow();
            List<Message> changes = AgentDifference.of(before, after);
            if (!changes.isEmpty()) {
                audit.record(user.actor(), AuditAction.AGENT_CHANGED, "agent:" + employeeNo,
                        Message.of("audit.changes", changes));
            }
            return after;
        });
    }

    /** A new weekly contract taking effect on {@code effectiveFrom} (earlier weeks keep the contract they had). */
    public record ContractChange(LocalDate effectiveFrom, Integer weeklyMinMinutes, Integer weeklyMaxMinutes) {
    }

    /** How far from the center's today a contract change may take effect. */
    static final int MAX_CONTRACT_DAYS = 366;

    /**
     * Records a contract change effective from a date (admin). Rosters use, for each week, the contract valid on
     * its first day; the agent's own contract fields show the contract valid today. Audited with before and after.
     */
    public Agent changeContract(String employeeNo, ContractChange change, CurrentUser user) {
        return transactions.write(() -> {
            requireAdmin(user);
            Agent before = agent(employeeNo, user);
            LocalDate today = centerById(before.centerId()).today(clock);
            Validation v = new Validation();
            v.require(change.effectiveFrom() != null, "effectiveFrom", "org.contract.from-required");
            v.require(change.weeklyMinMinutes() != null, "weeklyMinMinutes", "org.contract.minutes-required");
            v.require(change.weeklyMaxMinutes() != null, "weeklyMaxMinutes", "org.contract.minutes-required");
            v.throwIfInvalid();
            int min = change.weeklyMinMinutes();
            int max = change.weeklyMaxMinutes();
            v.require(!change.effectiveFrom().isBefore(today.minusDays(MAX_CONTRACT_DAYS))
                    && !change.effectiveFrom().isAfter(today.plusDays(MAX_CONTRACT_DAYS)), "effectiveFrom",
                    "range.contract.from", today.minusDays(MAX_CONTRACT_DAYS), today.plusDays(MAX_CONTRACT_DAYS));
            v.require(min >= 0 && min <= MAX_WEEKLY_MINUTES, "weeklyMinMinutes", "org.agent.weekly-minutes-range", 0,
                    MAX_WEEKLY_MINUTES);
            v.require(max >= 0 && max <= MAX_WEEKLY_MINUTES, "weeklyMaxMinutes", "org.agent.weekly-minutes-range", 0,
                    MAX_WEEKLY_MINUTES);
            v.require(min <= max, "weeklyMinMinutes", "org.weeklyminminutes-not-exceed-weeklymaxminutes");
            v.throwIfInvalid();
            recordContract(before, change.effectiveFrom(), min, max, user.actor());
            Contract valid = contractOn(repository.contracts(before.id()), before, today);
            repository.setContract(before.id(), valid.weeklyMinMinutes(), valid.weeklyMaxMinutes());
            return repository.agentById(before.id()).orElseThrow();
        });
    }

    /** Writes a dated contract (the first change also keeps the contract the agent had before), audited. */
    private void recordContract(Agent agent, LocalDate from, int min, int max, String actor) {
        List<Contract> history = repository.contracts(agent.id());
        if (history.isEmpty()) {
            repository.putContract(agent.id(), Contract.FROM_THE_START, agent.weeklyMinMinutes(),
                    agent.weeklyMaxMinutes(), actor, now());
        }
        Contract was = contractOn(history, agent, from);
        repository.putContract(agent.id(), from, min, max, actor, now());
        audit.record(actor, AuditAction.AGENT_CONTRACT_CHANGED, "agent:" + agent.employeeNo(),
                Message.of("audit.contract-changed", from, Message.duration(was.weeklyMinMinutes() * 60L),
                        Message.duration(was.weeklyMaxMinutes() * 60L), Message.duration(min * 60L),
                        Message.duration(max * 60L)));
    }

    /** The agent's contracts, oldest first (the one from the start included once a dated change exists). */
    @Transactional(readOnly = true)
    public List<Contract> contracts(String employeeNo, CurrentUser user) {
        Agent a = agent(employeeNo, user);
        List<Contract> history = repository.contracts(a.id());
        return history.isEmpty() ? List.of(new Contract(a.id(), Contract.FROM_THE_START, a.weeklyMinMinutes(),
                a.weeklyMaxMinutes(), null, null)) : history;
    }

    /** The contract valid on {@code date} for each agent (for services acting without a user, e.g. rosters). */
    @Transactional(readOnly = true)
    public Map<Long, Contract> contractsOn(Collection<Long> agentIds, LocalDate date) {
        Map<Long, List<Contract>> histories = repository.contracts(agentIds);
        Map<Long, Agent> agents = agentsById(agentIds);
        Map<Long, Contract> valid = new HashMap<>();
        agents.forEach((id, a) -> valid.put(id, contractOn(histories.getOrDefault(id, List.of()), a, date)));
        return valid;
    }

    static Contract contractOn(List<Contract> history, Agent agent, LocalDate date) {
        Contract valid = null;
        for (Contract c : history) {
            if (!c.effectiveFrom().isAfter(date)) {
                valid = c;
            }
        }
        return valid != null ? valid : new Contract(agent.id(), Contract.FROM_THE_START, agent.weeklyMinMinutes(),
                agent.weeklyMaxMinutes(), null, null);
    }

    /**
     * Disables or enables an agent (admin). A disabled agent keeps ledger, history and past rosters, and is left out of
     * rosters solved from now on. Audited; setting the state the agent already has changes nothing.
     */
    public Agent setAgentActive(String employeeNo, boolean active, CurrentUser user) {
        return transactions.write(() -> {
            requireAdmin(user);
            Agent before = agent(employeeNo, user);
            if (before.active() != active) {
                repository.setAgentActive(before.id(), active);
                // the action says it all: it is recorded only when the state changes
                audit.record(user.actor(), active ? AuditAction.AGENT_ENABLED : AuditAction.AGENT_DISABLED,
                        "agent:" + employeeNo, null);
                if (!active) {
                    events.publishEvent(new AgentDisabled(before.id(), before.centerId(), before.employeeNo(),
                            centerById(before.centerId()).today(clock).plusDays(1), user.actor()));
                }
            }
            return repository.agentById(before.id()).orElseThrow();
        });
    }

    /** The agent if the user may see them; otherwise exactly the answer for an unknown agent. */
    @Transactional(readOnly = true)
    public Agent agent(String employeeNo, CurrentUser user) {
        return repository.agentByEmployeeNo(employeeNo)
                .filter(a -> user.seesAgent(a.id(), a.centerId(), a.teamId()))
                .orElseThrow(() -> new NotFoundException("Agent", employeeNo));
    }

    /** Like {@link #agent}, with the agent's center and without the profile (one query). */
    @Transactional(readOnly = true)
    public AgentRef agentRef(String employeeNo, CurrentUser user) {
        return repository.agentRef(employeeNo)
                .filter(a -> user.seesAgent(a.id(), a.center().id(), a.teamId()))
                .orElseThrow(() -> new NotFoundException("Agent", employeeNo));
    }

    @Transactional(readOnly = true)
    public Optional<Agent> findAgent(String employeeNo) {
        return repository.agentByEmployeeNo(employeeNo);
    }

    @Transactional(readOnly = true)
    public Agent agentById(long id) {
        return repository.agentById(id).orElseThrow(() -> new NotFoundException("Agent", id));
    }

    /** Agents by employee number (unknown numbers are absent), for imports that name many agents. */
    @Transactional(readOnly = true)
    public Map<String, Agent> agentsByEmployeeNo(Collection<String> employeeNos) {
        if (employeeNos.isEmpty()) {
            return Map.of();
        }
        // chunked: a statement takes at most 65,535 bind values
        Map<String, Agent> found = new java.util.HashMap<>();
        List<String> all = List.copyOf(employeeNos);
        for (int from = 0; from < all.size(); from += 10_000) {
            repository.agents(OrganisationRepository.employeeNoIn(all.subList(from, Math.min(all.size(),
                    from + 10_000))),
                    0, Integer.MAX_VALUE).forEach(a -> found.put(a.employeeNo(), a));
        }
        return found;
    }

    @Transactional(readOnly = true)
    public Map<Long, Agent> agentsById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.agents(OrganisationRepository.idIn(ids), 0, Integer.MAX_VALUE).stream()
                .collect(java.util.stream.Collectors.toMap(Agent::id, a -> a));
    }

    public record AgentPage(List<Agent> agents, long total) {
    }

    @Transactional(readOnly = true)
    public AgentPage agents(String centerCode, String teamCode, Paging paging, CurrentUser user) {
        Long centerId = null;
        Long teamId = null;
        if (centerCode != null) {
            centerId = center(centerCode, user).id();
            if (teamCode != null) {
                teamId = team(centerCode, teamCode, user).id();
            }
        } else if (teamCode != null) {
            throw com.timebank.wfm.api.InvalidInputException.of("team", "org.team-needs-center");
        }
        Condition where = OrganisationRepository.agentsOf(centerId, teamId).and(scope(user));
        return new AgentPage(repository.agents(where, paging.offset(), paging.size()), repository.countAgents(where));
    }

    /** All agents of a center, for jobs (no scope: the caller is the system). */
    @Transactional(readOnly = true)
    public List<Agent> agentsOfCenter(long centerId) {
        return repository.agents(OrganisationRepository.agentsOf(centerId, null), 0, Integer.MAX_VALUE);
    }

    /** The active agents of a center, for new rosters (no scope: the caller is the system). */
    @Transactional(readOnly = true)
    public List<Agent> activeAgentsOfCenter(long centerId) {
        return repository.agents(OrganisationRepository.agentsOf(centerId, null).and(OrganisationRepository.active()),
                0, Integer.MAX_VALUE);
    }

    private static Condition scope(CurrentUser user) {
        return switch (user.role()) {
            case ADMIN -> DSL.trueCondition();
            case PLANNER -> user.centerIds().isEmpty() ? DSL.falseCondition()
                    : OrganisationRepository.inCenters(user.centerIds());
            case TEAM_LEAD -> user.teamIds().isEmpty() ? DSL.falseCondition()
                    : OrganisationRepository.inTeams(user.teamIds());
            case AGENT -> user.agentId() == null ? DSL.falseCondition() : OrganisationRepository.isAgent(user.agentId());
        };
    }

    static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw ForbiddenException.of("org.only-admin-change-organisation");
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}

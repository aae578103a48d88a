package com.timebank.wfm.org;

import static com.timebank.wfm.db.Tables.AGENT;
import static com.timebank.wfm.db.Tables.AGENT_CONTRACT;
import static com.timebank.wfm.db.Tables.AGENT_SKILL;
import static com.timebank.wfm.db.Tables.CENTER;
import static com.timebank.wfm.db.Tables.TEAM;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;

import com.timebank.wfm.database.Ids;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    private final DSLContext db;

    OrganisationRepository(DSLContext db) {
        this.db = db;
    }

    long insertCenter(String code, String name, String zone, int intervalMinutes, LocalDateTime now) {
        db.insertInto(CENTER)
                .set(CENTER.CODE, code).set(CENTER.NAME, name).set(CENTER.TIME_ZONE, zone)
                .set(CENTER.INTERVAL_MINUTES, intervalMinutes).set(CENTER.CREATED_AT, now)
                .execute();
        return Ids.lastInserted(db);
    }

    void renameCenter(long id, String name) {
        db.update(CENTER).set(CENTER.NAME, name).where(CENTER.ID.eq(id)).execute();
    }

    void renameTeam(long id, String name) {
        db.update(TEAM).set(TEAM.NAME, name).where(TEAM.ID.eq(id)).execute();
    }

    Optional<Center> centerByCode(String code) {
        return db.selectFrom(CENTER).where(CENTER.CODE.eq(code)).fetchOptional().map(OrganisationRepository::center);
    }

    Optional<Center> centerById(long id) {
        return db.selectFrom(CENTER).where(CENTER.ID.eq(id)).fetchOptional().map(OrganisationRepository::center);
    }

    List<Center> centers() {
        return db.selectFrom(CENTER).orderBy(CENTER.CODE).fetch(OrganisationRepository::center);
    }

    long insertTeam(long centerId, String code, String name, LocalDateTime now) {
        db.insertInto(TEAM)
                .set(TEAM.CENTER_ID, centerId).set(TEAM.CODE, code).set(TEAM.NAME, name).set(TEAM.CREATED_AT, now)
                .execute();
        return Ids.lastInserted(db);
    }

    Optional<Team> team(long centerId, String code) {
        return teams(TEAM.CENTER_ID.eq(centerId).and(TEAM.CODE.eq(code))).stream().findFirst();
    }

    List<Team> teamsByCode(String code) {
        return teams(TEAM.CODE.eq(code));
    }

    List<Team> teamsOfCenter(long centerId) {
        return teams(TEAM.CENTER_ID.eq(centerId));
    }

    List<Team> teamsByIds(Collection<Long> ids) {
        return teams(TEAM.ID.in(ids));
    }

    private List<Team> teams(Condition where) {
        return db.select(TEAM.ID, TEAM.CENTER_ID, CENTER.CODE, TEAM.CODE, TEAM.NAME)
                .from(TEAM).join(CENTER).on(CENTER.ID.eq(TEAM.CENTER_ID))
                .where(where).orderBy(CENTER.CODE, TEAM.CODE)
                .fetch(r -> new Team(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    long insertAgent(String employeeNo, String name, long centerId, long teamId, int min, int max,
            Collection<String> skills, LocalDateTime now) {
        db.insertInto(AGENT)
                .set(AGENT.EMPLOYEE_NO, employeeNo).set(AGENT.NAME, name)
                .set(AGENT.CENTER_ID, centerId).set(AGENT.TEAM_ID, teamId)
                .set(AGENT.WEEKLY_MIN_MINUTES, min).set(AGENT.WEEKLY_MAX_MINUTES, max)
                .set(AGENT.CREATED_AT, now)
                .execute();
        long id = Ids.lastInserted(db);
        if (!skills.isEmpty()) {
            var insert = db.insertInto(AGENT_SKILL, AGENT_SKILL.AGENT_ID, AGENT_SKILL.SKILL);
            for (String skill : skills) {
                insert = insert.values(id, skill);
            }
            insert.execute();
        }
        return id;
    }

    void updateAgent(long id, String name, long teamId, int min, int max, Collection<String> skills) {
        db.update(AGENT).set(AGENT.NAME, name).set(AGENT.TEAM_ID, teamId)
                .set(AGENT.WEEKLY_MIN_MINUTES, min).set(AGENT.WEEKLY_MAX_MINUTES, max)
                .where(AGENT.ID.eq(id)).execute();
        db.deleteFrom(AGENT_SKILL).where(AGENT_SKILL.AGENT_ID.eq(id)).execute();
        if (!skills.isEmpty()) {
            var insert = db.insertInto(AGENT_SKILL, AGENT_SKILL.AGENT_ID, AGENT_SKILL.SKILL);
            for (String skill : skills) {
                insert = insert.values(id, skill);
            }
            insert.execute();
        }
    }

    /** The agent's contracts, oldest first. */
    List<Contract> contracts(long agentId) {
        return contracts(List.of(agentId)).getOrDefault(agentId, List.of());
    }

    /** The agents' contracts by agent, each list oldest first. */
    Map<Long, List<Contract>> contracts(Collection<Long> agentIds) {
        if (agentIds.isEmpty()) {
            return Map.of();
        }
        return db.selectFrom(AGENT_CONTRACT).where(AGENT_CONTRACT.AGENT_ID.in(agentIds))
                .orderBy(AGENT_CONTRACT.AGENT_ID, AGENT_CONTRACT.EFFECTIVE_FROM)
                .fetch(r -> new Contract(r.getAgentId(), r.getEffectiveFrom(), r.getWeeklyMinMinutes(),
                        r.getWeeklyMaxMinutes(), r.getCreatedBy(), r.getCreatedAt()))
                .stream().collect(Collectors.groupingBy(Contract::agentId, java.util.LinkedHashMap::new,
                        Collectors.toList()));
    }

    /** Records a contract from a date on; one from the same date is replaced. */
    void putContract(long agentId, LocalDate from, int min, int max, String actor, LocalDateTime now) {
        db.insertInto(AGENT_CONTRACT)
                .set(AGENT_CONTRACT.AGENT_ID, agentId).set(AGENT_CONTRACT.EFFECTIVE_FROM, from)
                .set(AGENT_CONTRACT.WEEKLY_MIN_MINUTES, min).set(AGENT_CONTRACT.WEEKLY_MAX_MINUTES, max)
                .set(AGENT_CONTRACT.CREATED_BY, actor).set(AGENT_CONTRACT.CREATED_AT, now)
                .onDuplicateKeyUpdate()
                .set(AGENT_CONTRACT.WEEKLY_MIN_MINUTES, min).set(AGENT_CONTRACT.WEEKLY_MAX_MINUTES, max)
                .set(AGENT_CONTRACT.CREATED_BY, actor).set(AGENT_CONTRACT.CREATED_AT, now)
                .execute();
    }

    void setContract(long agentId, int min, int max) {
        db.update(AGENT).set(AGENT.WEEKLY_MIN_MINUTES, min).set(AGENT.WEEKLY_MAX_MINUTES, max)
                .where(AGENT.ID.eq(agentId)).execute();
    }

    void setAgentActive(long id, boolean active) {
        db.update(AGENT).set(AGENT.ACTIVE, active).where(AGENT.ID.eq(id)).execute();
    }

    Optional<Agent> agentByEmployeeNo(String employeeNo) {
        return agents(AGENT.EMPLOYEE_NO.eq(employeeNo), 0, 1).stream().findFirst();
    }

    Optional<AgentRef> agentRef(String employeeNo) {
        return db.select(AGENT.ID, AGENT.EMPLOYEE_NO, AGENT.TEAM_ID, CENTER.ID, CENTER.CODE, CENTER.NAME,
                        CENTER.TIME_ZONE, CENTER.INTERVAL_MINUTES)
                .from(AGENT)
                .join(CENTER).on(CENTER.ID.eq(AGENT.CENTER_ID))
                .where(AGENT.EMPLOYEE_NO.eq(employeeNo))
                .fetchOptional(r -> new AgentRef(r.value1(), r.value2(), r.value3(),
                        new Center(r.value4(), r.value5(), r.value6(), ZoneId.of(r.value7()), r.value8())));
    }

    Optional<Agent> agentById(long id) {
        return agents(AGENT.ID.eq(id), 0, 1).stream().findFirst();
    }

    List<Agent> agents(Condition where, int offset, int limit) {
        var rows = db.select(AGENT.ID, AGENT.EMPLOYEE_NO, AGENT.NAME, AGENT.CENTER_ID, CENTER.CODE,
                        AGENT.TEAM_ID, TEAM.CODE, AGENT.WEEKLY_MIN_MINUTES, AGENT.WEEKLY_MAX_MINUTES, AGENT.ACTIVE)
                .from(AGENT)
                .join(CENTER).on(CENTER.ID.eq(AGENT.CENTER_ID))
                .join(TEAM).on(TEAM.ID.eq(AGENT.TEAM_ID))
                .where(where)
                .orderBy(AGENT.EMPLOYEE_NO)
                .offset(offset).limit(limit)
                .fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> r.get(AGENT.ID)).toList();
        Map<Long, List<String>> skills = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += 10_000) {
            skills.putAll(db.select(AGENT_SKILL.AGENT_ID, AGENT_SKILL.SKILL).from(AGENT_SKILL)
                    .where(AGENT_SKILL.AGENT_ID.in(ids.subList(from, Math.min(ids.size(), from + 10_000))))
                    .orderBy(AGENT_SKILL.SKILL)
                    .fetchGroups(AGENT_SKILL.AGENT_ID, AGENT_SKILL.SKILL));
        }
        return rows.stream().map(r -> new Agent(r.get(AGENT.ID), r.get(AGENT.EMPLOYEE_NO), r.get(AGENT.NAME),
                r.get(AGENT.CENTER_ID), r.get(CENTER.CODE), r.get(AGENT.TEAM_ID), r.get(TEAM.CODE),
                r.get(AGENT.WEEKLY_MIN_MINUTES), r.get(AGENT.WEEKLY_MAX_MINUTES),
                skills.getOrDefault(r.get(AGENT.ID), List.of()), Boolean.TRUE.equals(r.get(AGENT.ACTIVE))))
                .collect(Collectors.toList());
    }

    int countAgents(Condition where) {
        return db.fetchCount(AGENT, where);
    }

    static Condition agentsOf(Long centerId, Long teamId) {
        Condition c = DSL.trueCondition();
        if (centerId != null) {
            c = c.and(AGENT.CENTER_ID.eq(centerId));
        }
        if (teamId != null) {
            c = c.and(AGENT.TEAM_ID.eq(teamId));
        }
        return c;
    }

    static Condition active() {
        return AGENT.ACTIVE.isTrue();
    }

    static Condition employeeNoIn(Collection<String> employeeNos) {
        return AGENT.EMPLOYEE_NO.in(employeeNos);
    }

    static Condition idIn(Collection<Long> ids) {
        return AGENT.ID.in(ids);
    }

    static Condition inTeams(Collection<Long> teamIds) {
        return AGENT.TEAM_ID.in(teamIds);
    }

    static Condition inCenters(Collection<Long> centerIds) {
        return AGENT.CENTER_ID.in(centerIds);
    }

    static Condition isAgent(long agentId) {
        return AGENT.ID.eq(agentId);
    }

    private static Center center(com.timebank.wfm.db.tables.records.CenterRecord r) {
        return new Center(r.getId(), r.getCode(), r.getName(), ZoneId.of(r.getTimeZone()), r.getIntervalMinutes());
    }
}

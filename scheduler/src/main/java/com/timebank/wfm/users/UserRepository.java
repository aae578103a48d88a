package com.timebank.wfm.users;

import static com.timebank.wfm.db.Tables.AGENT;
import static com.timebank.wfm.db.Tables.APP_USER;
import static com.timebank.wfm.db.Tables.TEAM;
import static com.timebank.wfm.db.Tables.USER_CENTER;
import static com.timebank.wfm.db.Tables.USER_TEAM;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import com.timebank.wfm.database.Ids;
import org.springframework.stereotype.Repository;

import com.timebank.wfm.db.tables.records.AppUserRecord;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;

@Repository
class UserRepository {

    private final DSLContext db;

    UserRepository(DSLContext db) {
        this.db = db;
    }

    record StoredUser(CurrentUser user, String passwordHash, boolean enabled, String locale,
            boolean mustChangePassword) {
    }

    Optional<StoredUser> byUsername(String username) {
        return db.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional().map(this::load);
    }

    List<StoredUser> all(String search, Role role, int offset, int limit) {
        return db.selectFrom(APP_USER).where(matching(search, role)).orderBy(APP_USER.USERNAME).offset(offset)
                .limit(limit).fetch().map(this::load);
    }

    int count(String search, Role role) {
        return db.fetchCount(APP_USER, matching(search, role));
    }

    private static Condition matching(String search, Role role) {
        Condition c = DSL.trueCondition();
        if (search != null && !search.isBlank()) {
            String like = "%" + search.trim().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            c = c.and(APP_USER.USERNAME.like(like, '!'));
        }
        return role == null ? c : c.and(APP_USER.ROLE.eq(role.name()));
    }

    /** Replaces the role and the whole scope of the user. */
    void changeRoleAndScope(long userId, Role role, Long agentId, Collection<Long> centerIds,
            Collection<Long> teamIds) {
        db.update(APP_USER).set(APP_USER.ROLE, role.name()).set(APP_USER.AGENT_ID, agentId)
                .where(APP_USER.ID.eq(userId)).execute();
        db.deleteFrom(USER_CENTER).where(USER_CENTER.USER_ID.eq(userId)).execute();
        db.deleteFrom(USER_TEAM).where(USER_TEAM.USER_ID.eq(userId)).execute();
        insertScope(userId, centerIds, teamIds);
    }

    void setEnabled(long userId, boolean enabled) {
        db.update(APP_USER).set(APP_USER.ENABLED, enabled).where(APP_USER.ID.eq(userId)).execute();
    }

    boolean exists(String username) {
        return db.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
    }

    long insert(String username, String passwordHash, boolean mustChangePassword, Role role, Long agentId,
            Collection<Long> centerIds, Collection<Long> teamIds, LocalDateTime now) {
        db.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username).set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChangePassword)
                .set(APP_USER.ROLE, role.name()).set(APP_USER.AGENT_ID, agentId)
                .set(APP_USER.ENABLED, true).set(APP_USER.CREATED_AT, now)
                .execute();
        long id = Ids.lastInserted(db);
        insertScope(id, centerIds, teamIds);
        return id;
    }

    private void insertScope(long id, Collection<Long> centerIds, Collection<Long> teamIds) {
        for (Long centerId : new HashSet<>(centerIds)) {
            db.insertInto(USER_CENTER).set(USER_CENTER.USER_ID, id).set(USER_CENTER.CENTER_ID, centerId).execute();
        }
        for (Long teamId : new HashSet<>(teamIds)) {
            db.insertInto(USER_TEAM).set(USER_TEAM.USER_ID, id).set(USER_TEAM.TEAM_ID, teamId).execute();
        }
    }

    /** A new password: chosen by the user ({@code mustChange} false) or set by an admin. */
    void setPassword(long userId, String passwordHash, boolean mustChange, LocalDateTime now) {
        db.update(APP_USER).set(APP_USER.PASSWORD_HASH, passwordHash).set(APP_USER.MUST_CHANGE_PASSWORD, mustChange)
                .set(APP_USER.PASSWORD_CHANGED_AT, now).where(APP_USER.ID.eq(userId)).execute();
    }

    /** The same password stored with a stronger hash (at sign-in); nothing else changes. */
    void rehash(String username, String passwordHash) {
        db.update(APP_USER).set(APP_USER.PASSWORD_HASH, passwordHash).where(APP_USER.USERNAME.eq(username)).execute();
    }

    void setLocale(long userId, String locale) {
        db.update(APP_USER).set(APP_USER.LOCALE, locale).where(APP_USER.ID.eq(userId)).execute();
    }

    private StoredUser load(AppUserRecord r) {
        Set<Long> centers = new HashSet<>(db.select(USER_CENTER.CENTER_ID).from(USER_CENTER)
                .where(USER_CENTER.USER_ID.eq(r.getId())).fetch(USER_CENTER.CENTER_ID));
        Set<Long> teams = new HashSet<>();
        Set<Long> teamCenters = new HashSet<>();
        db.select(TEAM.ID, TEAM.CENTER_ID).from(USER_TEAM).join(TEAM).on(TEAM.ID.eq(USER_TEAM.TEAM_ID))
                .where(USER_TEAM.USER_ID.eq(r.getId()))
                .forEach(t -> {
                    teams.add(t.value1());
                    teamCenters.add(t.value2());
                });
        String employeeNo = null;
        Long agentCenter = null;
        Long agentTeam = null;
        if (r.getAgentId() != null) {
            var a = db.select(AGENT.EMPLOYEE_NO, AGENT.CENTER_ID, AGENT.TEAM_ID).from(AGENT)
                    .where(AGENT.ID.eq(r.getAgentId())).fetchOne();
            employeeNo = a.value1();
            agentCenter = a.value2();
            agentTeam = a.value3();
        }
        CurrentUser user = new CurrentUser(r.getId(), r.getUsername(), Role.valueOf(r.getRole()), r.getAgentId(),
                employeeNo, agentCenter, agentTeam, Set.copyOf(centers), Set.copyOf(teams), Set.copyOf(teamCenters));
        return new StoredUser(user, r.getPasswordHash(), Boolean.TRUE.equals(r.getEnabled()), r.getLocale(),
                Boolean.TRUE.equals(r.getMustChangePassword()));
    }
}

package com.timebank.wfm.users;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.ForbiddenException;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;
import com.timebank.wfm.security.WfmPrincipal;

/** Users, their role and scope; also the source of logins for Spring Security. */
@Service
public class UserService implements UserDetailsService {

    public static final int MIN_PASSWORD_LENGTH = 8;

    private final UserRepository repository;
    private final OrganisationService organisation;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final Clock clock;

    UserService(UserRepository repository, OrganisationService organisation, PasswordEncoder passwordEncoder,
            AuditLog audit, Clock clock) {
        this.repository = repository;
        this.organisation = organisation;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewUser(String username, String password, Role role, String employeeNo, List<String> centerCodes,
            List<String> teamCodes) {
    }

    /** The user as the API shows it: scope by codes, never ids or hashes. */
    public record UserView(String username, Role role, String employeeNo, List<String> centerCodes,
            List<String> teamCodes, String locale) {
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserRepository.StoredUser stored = repository.byUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new WfmPrincipal(stored.user(), stored.passwordHash(), stored.enabled(), stored.locale());
    }

    @Transactional
    public UserView create(NewUser u, CurrentUser actor) {
        if (!actor.isAdmin()) {
            throw ForbiddenException.of("user.only-admin-create-users");
        }
        return createUser(u, actor.actor());
    }

    /** Creates a user on behalf of the system (first start, demo data). */
    @Transactional
    public UserView createUser(NewUser u, String actor) {
        Validation v = new Validation();
        v.require(u.password() != null && u.password().length() >= MIN_PASSWORD_LENGTH, "password",
                "user.password-have-least-characters", MIN_PASSWORD_LENGTH);
        List<String> centerCodes = u.centerCodes() == null ? List.of() : u.centerCodes();
        List<String> teamCodes = u.teamCodes() == null ? List.of() : u.teamCodes();
        Set<Long> centerIds = new HashSet<>();
        for (String code : centerCodes) {
            organisation.findCenter(code).ifPresentOrElse(c -> centerIds.add(c.id()),
                    () -> v.require(false, "centerCodes", "user.unknown-center", code));
        }
        List<Team> teams = organisation.resolveTeams(teamCodes, centerIds, v, "teamCodes");
        Agent agent = null;
        if (u.employeeNo() != null) {
            agent = organisation.findAgent(u.employeeNo()).orElse(null);
            v.require(agent != null, "employeeNo", "user.unknown-agent", u.employeeNo());
        }
        if (u.role() != null) {
            switch (u.role()) {
                case AGENT -> v.require(u.employeeNo() != null, "employeeNo", "user.agent-user-needs-employeeno");
                case TEAM_LEAD -> v.require(!teamCodes.isEmpty(), "teamCodes", "user.team-lead-needs-least");
                case PLANNER -> v.require(!centerCodes.isEmpty(), "centerCodes", "user.planner-needs-least-one");
                case ADMIN -> { }
            }
        }
        v.throwIfInvalid();
        if (repository.exists(u.username())) {
            throw ConflictException.of("user.user-already-exists", u.username());
        }
        repository.insert(u.username(), passwordEncoder.encode(u.password()), u.role(),
                agent == null ? null : agent.id(), centerIds, teams.stream().map(Team::id).toList(), now());
        audit.record(actor, "USER_CREATED", "user:" + u.username(), u.role() + " " + centerCodes + " " + teamCodes
                + (u.employeeNo() == null ? "" : " agent " + u.employeeNo()));
        return view(repository.byUsername(u.username()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public UserView me(CurrentUser user) {
        return view(repository.byUsername(user.username()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public List<UserView> users(int offset, int limit, CurrentUser actor) {
        if (!actor.isAdmin()) {
            throw ForbiddenException.of("user.only-admin-list-users");
        }
        return repository.all(offset, limit).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public int count() {
        return repository.count();
    }

    /** Remembers the language the user chose for the pages (a language tag, such as {@code zh-CN}). */
    @Transactional
    public void setLocale(CurrentUser user, Locale locale) {
        repository.setLocale(user.id(), locale.toLanguageTag());
    }

    private UserView view(UserRepository.StoredUser s) {
        CurrentUser u = s.user();
        List<String> centers = new ArrayList<>();
        for (Long id : u.centerIds()) {
            centers.add(organisation.centerById(id).code());
        }
        centers.sort(null);
        List<String> teams = organisation.teamsByIds(u.teamIds()).stream()
                .map(t -> t.centerCode() + "/" + t.code()).sorted().toList();
        return new UserView(u.username(), u.role(), u.employeeNo(), centers, teams, s.locale());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}

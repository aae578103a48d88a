package com.timebank.wfm.users;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.ConflictException;
import com.timebank.wfm.api.ForbiddenException;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.NotFoundException;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditDetail;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.org.Agent;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.org.Team;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Passwords;
import com.timebank.wfm.security.Role;
import com.timebank.wfm.security.SignInEvent;
import com.timebank.wfm.security.VerifiedCredentials;
import com.timebank.wfm.security.WfmPrincipal;

/**
 * Users, their role and scope; also the source of logins for Spring Security. A password a person chooses (an admin
 * for a new user or in a reset, a user for themselves) must pass {@link PasswordRules}; one an admin chose must be
 * changed by its user at the next sign-in.
 */
@Service
public class UserService implements UserDetailsService, UserDetailsPasswordService {

    /** The shortest password a person may choose (a passphrase of four words may be shorter). */
    public static final int MIN_PASSWORD_LENGTH = PasswordRules.MIN_LENGTH;
    /** Users the system creates (first admin from WFM_ADMIN_PASSWORD, demo data) keep the former minimum. */
    static final int MIN_SYSTEM_PASSWORD_LENGTH = 8;

    private final UserRepository repository;
    private final OrganisationService organisation;
    private final PasswordEncoder passwordEncoder;
    private final VerifiedCredentials verified;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;
    private final PasswordRules rules = PasswordRules.standard();

    UserService(UserRepository repository, OrganisationService organisation, PasswordEncoder passwordEncoder,
            VerifiedCredentials verified, AuditLog audit, Transactions transactions, Clock clock) {
        this.repository = repository;
        this.organisation = organisation;
        this.passwordEncoder = passwordEncoder;
        this.verified = verified;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record NewUser(String username, String password, Role role, String employeeNo, List<String> centerCodes,
            List<String> teamCodes) {
    }

    /** The user as the API shows it: scope by codes, never ids or hashes. */
    public record UserView(String username, Role role, String employeeNo, List<String> centerCodes,
            List<String> teamCodes, String locale, boolean enabled) {
    }

    /** A change of role and scope; {@code null} keeps the value (an empty list clears it). */
    public record UserChange(Role role, String employeeNo, List<String> centerCodes, List<String> teamCodes) {
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserRepository.StoredUser stored = repository.byUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return principal(stored);
    }

    private static WfmPrincipal principal(UserRepository.StoredUser stored) {
        return new WfmPrincipal(stored.user(), stored.passwordHash(), stored.enabled(), stored.locale(),
                stored.mustChangePassword());
    }

    /** An admin creates a user: the password follows the rules, and the user must change it at first sign-in. */
    public UserView create(NewUser u, CurrentUser actor) {
        if (!actor.isAdmin()) {
            throw ForbiddenException.of("user.only-admin-create-users");
        }
        Validation v = new Validation();
        rules.check("password", u.username(), u.password()).forEach(v::add);
        return transactions.write(() -> create(u, actor.actor(), true, v));
    }

    /**
     * Creates a user on behalf of the system (first start, demo data, test fixtures): the password is the operator's
     * choice, so only its length is checked and no change is asked for.
     */
    public UserView createUser(NewUser u, String actor) {
        return createUser(u, actor, false);
    }

    /** As {@link #createUser(NewUser, String)}; {@code mustChangePassword} for a generated password. */
    public UserView createUser(NewUser u, String actor, boolean mustChangePassword) {
        Validation v = new Validation();
        v.require(u.password() != null && u.password().length() >= MIN_SYSTEM_PASSWORD_LENGTH, "password",
                "user.password-have-least-characters", MIN_SYSTEM_PASSWORD_LENGTH);
        v.require(u.password() == null || u.password().length() <= Passwords.MAX_LENGTH, "password",
                "range.password.too-long", Passwords.MAX_LENGTH);
        return transactions.write(() -> create(u, actor, mustChangePassword, v));
    }

    private UserView create(NewUser u, String actor, boolean mustChangePassword, Validation v) {
        List<String> centerCodes = u.centerCodes() == null ? List.of() : u.centerCodes();
        List<String> teamCodes = u.teamCodes() == null ? List.of() : u.teamCodes();
        Scope scope = scope(u.role(), u.employeeNo(), centerCodes, teamCodes, v);
        v.throwIfInvalid();
        if (repository.exists(u.username())) {
            throw ConflictException.of("user.user-already-exists", u.username());
        }
        repository.insert(u.username(), passwordEncoder.encode(u.password()), mustChangePassword, u.role(),
                scope.agentId(), scope.centerIds(), scope.teamIds(), now());
        Message role = Message.of("role." + u.role());
        audit.record(actor, AuditAction.USER_CREATED, "user:" + u.username(), u.employeeNo() == null
                ? Message.of("audit.user-created", role, AuditDetail.list(centerCodes), AuditDetail.list(teamCodes))
                : Message.of("audit.user-created.agent", role, AuditDetail.list(centerCodes),
                        AuditDetail.list(teamCodes), u.employeeNo()));
        return view(repository.byUsername(u.username()).orElseThrow());
    }

    /**
     * An admin changes a user's role and scope. The rules of creation hold (an agent user names an agent, a lead has
     * teams, a planner centers); an admin cannot demote themselves. Signed-in credentials are forgotten so the new
     * scope applies at the next request; audited with before and after.
     */
    public UserView change(String username, UserChange change, CurrentUser actor) {
        return transactions.write(() -> {
            if (!actor.isAdmin()) {
                throw ForbiddenException.of("user.only-admin-change-users");
            }
            UserRepository.StoredUser stored = repository.byUsername(username)
                    .orElseThrow(() -> new NotFoundException("User", username));
            UserView before = view(stored);
            Role role = change.role() == null ? before.role() : change.role();
            String employeeNo = change.employeeNo() == null ? before.employeeNo() : change.employeeNo();
            List<String> centerCodes = change.centerCodes() == null ? before.centerCodes() : change.centerCodes();
            List<String> teamCodes = change.teamCodes() == null ? before.teamCodes() : change.teamCodes();
            Validation v = new Validation();
            v.require(stored.user().id() != actor.id() || role == Role.ADMIN, "role", "user.cannot-disable-self");
            Scope scope = scope(role, employeeNo, centerCodes, teamCodes, v);
            v.throwIfInvalid();
            repository.changeRoleAndScope(stored.user().id(), role, scope.agentId(), scope.centerIds(), scope.teamIds());
            verified.forget(username);
            UserView after = view(repository.byUsername(username).orElseThrow());
            List<Message> changes = difference(before, after);
            if (!changes.isEmpty()) {
                audit.record(actor.actor(), AuditAction.USER_CHANGED, "user:" + username,
                        Message.of("audit.changes", changes));
            }
            return after;
        });
    }

    /**
     * Disables or enables a user (admin). A disabled user cannot sign in; credentials verified before are forgotten at
     * once. An admin cannot disable themselves. Audited; the state the user already has changes nothing.
     */
    public UserView setEnabled(String username, boolean enabled, CurrentUser actor) {
        return transactions.write(() -> {
            if (!actor.isAdmin()) {
                throw ForbiddenException.of("user.only-admin-change-users");
            }
            UserRepository.StoredUser stored = repository.byUsername(username)
                    .orElseThrow(() -> new NotFoundException("User", username));
            if (!enabled && stored.user().id() == actor.id()) {
                throw InvalidInputException.of("username", "user.cannot-disable-self");
            }
            if (stored.enabled() != enabled) {
                repository.setEnabled(stored.user().id(), enabled);
                // the action says it all: it is recorded only when the state changes
                audit.record(actor.actor(), enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
                        "user:" + username, null);
            }
            verified.forget(username);
            return view(repository.byUsername(username).orElseThrow());
        });
    }

    /** The fields that differ, each as the audit trail shows it ("role: Team lead → Planner"). */
    private static List<Message> difference(UserView before, UserView after) {
        List<Message> changes = new ArrayList<>();
        if (before.role() != after.role()) {
            changes.add(Message.of("audit.change.role", Message.of("role." + before.role()),
                    Message.of("role." + after.role())));
        }
        if (!java.util.Objects.equals(before.employeeNo(), after.employeeNo())) {
            changes.add(Message.of("audit.change.agent", AuditDetail.orNone(before.employeeNo()),
                    AuditDetail.orNone(after.employeeNo())));
        }
        if (!before.centerCodes().equals(after.centerCodes())) {
            changes.add(Message.of("audit.change.centers", AuditDetail.list(before.centerCodes()),
                    AuditDetail.list(after.centerCodes())));
        }
        if (!before.teamCodes().equals(after.teamCodes())) {
            changes.add(Message.of("audit.change.teams", AuditDetail.list(before.teamCodes()),
                    AuditDetail.list(after.teamCodes())));
        }
        return changes;
    }

    private record Scope(Long agentId, Set<Long> centerIds, List<Long> teamIds) {
    }

    /** Resolves the codes of a role's scope, adding a field error for each unknown code or missing part. */
    private Scope scope(Role role, String employeeNo, List<String> centerCodes, List<String> teamCodes, Validation v) {
        Set<Long> centerIds = new HashSet<>();
        for (String code : centerCodes) {
            organisation.findCenter(code).ifPresentOrElse(c -> centerIds.add(c.id()),
                    () -> v.require(false, "centerCodes", "user.unknown-center", code));
        }
        List<Team> teams = organisation.resolveTeams(teamCodes, centerIds, v, "teamCodes");
        Agent agent = null;
        if (employeeNo != null) {
            agent = organisation.findAgent(employeeNo).orElse(null);
            v.require(agent != null, "employeeNo", "user.unknown-agent", employeeNo);
        }
        if (role != null) {
            switch (role) {
                case AGENT -> v.require(employeeNo != null, "employeeNo", "user.agent-user-needs-employeeno");
                case TEAM_LEAD -> v.require(!teamCodes.isEmpty(), "teamCodes", "user.team-lead-needs-least");
                case PLANNER -> v.require(!centerCodes.isEmpty(), "centerCodes", "user.planner-needs-least-one");
                case ADMIN -> { }
            }
        }
        return new Scope(agent == null ? null : agent.id(), centerIds, teams.stream().map(Team::id).toList());
    }

    /** Why a password a person chose for the user would be refused (none when fine), for forms that check early. */
    public List<com.timebank.wfm.api.FieldError> passwordProblems(String field, String username, String password) {
        return rules.check(field, username, password);
    }

    /** An admin sets a user's password (forgotten, compromised): the user must change it at the next sign-in. */
    public void resetPassword(String username, String password, CurrentUser actor) {
        if (!actor.isAdmin()) {
            throw ForbiddenException.of("user.only-admin-reset-passwords");
        }
        transactions.write(() -> {
            UserRepository.StoredUser stored = repository.byUsername(username)
                    .orElseThrow(() -> new NotFoundException("User", username));
            refuseUnlessValid(rules.check("password", username, password));
            repository.setPassword(stored.user().id(), passwordEncoder.encode(password), true, now());
            verified.forget(username);
            audit.record(actor.actor(), AuditAction.PASSWORD_RESET, "user:" + username,
                    Message.of("audit.password-reset"));
            return null;
        });
    }

    /**
     * The user changes their own password, proving the current one; this also ends an admin's demand to change it.
     * Returns the user as signed in from now on.
     */
    public WfmPrincipal changeOwnPassword(CurrentUser user, String currentPassword, String newPassword) {
        return transactions.write(() -> changePassword(user, currentPassword, newPassword));
    }

    private WfmPrincipal changePassword(CurrentUser user, String currentPassword, String newPassword) {
        UserRepository.StoredUser stored = repository.byUsername(user.username()).orElseThrow();
        Validation v = new Validation();
        v.require(currentPassword != null && currentPassword.length() <= Passwords.MAX_LENGTH
                && passwordEncoder.matches(currentPassword, stored.passwordHash()), "currentPassword",
                "user.password.current-wrong");
        v.throwIfInvalid();
        List<com.timebank.wfm.api.FieldError> broken = rules.check("newPassword", user.username(), newPassword);
        if (broken.isEmpty() && newPassword.equals(currentPassword)) {
            broken = List.of(com.timebank.wfm.api.FieldError.of("newPassword", "range.password.unchanged"));
        }
        refuseUnlessValid(broken);
        repository.setPassword(user.id(), passwordEncoder.encode(newPassword), false, now());
        verified.forget(user.username());
        audit.record(user.actor(), AuditAction.PASSWORD_CHANGED, "user:" + user.username(), null);
        return principal(repository.byUsername(user.username()).orElseThrow());
    }

    private static void refuseUnlessValid(List<com.timebank.wfm.api.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw InvalidInputException.of(errors);
        }
    }

    /** Stores a stronger hash of the password the user just signed in with (BCrypt to Argon2id). */
    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        return transactions.write(() -> {
            repository.rehash(user.getUsername(), newPasswordHash);
            return principal(repository.byUsername(user.getUsername()).orElseThrow());
        });
    }

    /** Every checked sign-in, right or wrong, and every throttled attempt goes to the audit trail. */
    @EventListener
    public void audit(SignInEvent e) {
        String name = e.username() == null ? "" : e.username().length() > 64 ? e.username().substring(0, 64)
                : e.username();
        transactions.write(() -> {
            AuditAction action = switch (e.outcome()) {
                case SUCCEEDED -> AuditAction.SIGN_IN_SUCCEEDED;
                case FAILED -> AuditAction.SIGN_IN_FAILED;
                case THROTTLED -> AuditAction.SIGN_IN_THROTTLED;
            };
            audit.record("user:" + name, action, "user:" + name,
                    Message.of("audit.sign-in", AuditDetail.orNone(e.clientAddress())));
            return null;
        });
    }

    @Transactional(readOnly = true)
    public UserView me(CurrentUser user) {
        return view(repository.byUsername(user.username()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public List<UserView> users(int offset, int limit, CurrentUser actor) {
        return users(null, null, offset, limit, actor);
    }

    /** Users whose username contains {@code search} (optional) with the role (optional), by username. */
    @Transactional(readOnly = true)
    public List<UserView> users(String search, Role role, int offset, int limit, CurrentUser actor) {
        if (!actor.isAdmin()) {
            throw ForbiddenException.of("user.only-admin-list-users");
        }
        return repository.all(search, role, offset, limit).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public int count() {
        return repository.count(null, null);
    }

    @Transactional(readOnly = true)
    public int count(String search, Role role) {
        return repository.count(search, role);
    }

    /** One user as the admin sees them. */
    @Transactional(readOnly = true)
    public UserView user(String username, CurrentUser actor) {
        if (!actor.isAdmin()) {
            throw ForbiddenException.of("user.only-admin-list-users");
        }
        return view(repository.byUsername(username).orElseThrow(() -> new NotFoundException("User", username)));
    }

    /** Remembers the language the user chose for the pages (a language tag, such as {@code zh-CN}). */
    public void setLocale(CurrentUser user, Locale locale) {
        transactions.write(() -> {
            repository.setLocale(user.id(), locale.toLanguageTag());
            return null;
        });
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
        return new UserView(u.username(), u.role(), u.employeeNo(), centers, teams, s.locale(), s.enabled());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}

package com.timebank.wfm.users;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.timebank.wfm.api.Paging;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@RestController
@RequestMapping("/api")
@Tag(name = "Organisation")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    record UserRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "must be 1-64 letters, digits, '.', '-' or '_'") String username,
            @NotBlank String password,
            @NotNull Role role,
            String employeeNo,
            List<@NotBlank String> centerCodes,
            List<@NotBlank String> teamCodes) {
    }

    @PostMapping("/users")
    @Operation(summary = "Create a user with a role and scope (admin)")
    ResponseEntity<UserService.UserView> create(@Valid @RequestBody UserRequest r, CurrentUser user) {
        UserService.UserView created = users.create(new UserService.NewUser(r.username(), r.password(), r.role(),
                r.employeeNo(), r.centerCodes(), r.teamCodes()), user);
        return ResponseEntity.created(URI.create("/api/users/" + created.username())).body(created);
    }

    @GetMapping("/users")
    @Operation(summary = "All users (admin); total in X-Total-Count")
    ResponseEntity<List<UserService.UserView>> list(@RequestParam(required = false) String search,
            @RequestParam(required = false) Role role, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, CurrentUser user) {
        Paging paging = Paging.of(page, size);
        String term = search == null || search.isBlank() ? null : search.trim();
        if (term != null && term.length() > 64) {
            throw com.timebank.wfm.api.InvalidInputException.of("search", "user.search-too-long", 64);
        }
        return Paging.withTotal(users.users(term, role, paging.offset(), paging.size(), user),
                users.count(term, role));
    }

    @GetMapping("/users/{username}")
    @Operation(summary = "One user with role, scope and whether enabled (admin)")
    UserService.UserView user(@PathVariable String username, CurrentUser user) {
        return users.user(username, user);
    }

    /** Fields left out keep their value; an empty list clears a scope. */
    record UserPatch(Role role, String employeeNo, List<@NotBlank String> centerCodes,
            List<@NotBlank String> teamCodes) {
    }

    @PatchMapping("/users/{username}")
    @Operation(summary = "Change a user's role and scope (admin); audited with before and after")
    UserService.UserView change(@PathVariable String username, @Valid @RequestBody UserPatch r, CurrentUser user) {
        return users.change(username, new UserService.UserChange(r.role(), r.employeeNo(), r.centerCodes(),
                r.teamCodes()), user);
    }

    @PostMapping("/users/{username}/disable")
    @Operation(summary = "Disable a user (admin): they cannot sign in any more; audited")
    UserService.UserView disable(@PathVariable String username, CurrentUser user) {
        return users.setEnabled(username, false, user);
    }

    @PostMapping("/users/{username}/enable")
    @Operation(summary = "Enable a disabled user again (admin); audited")
    UserService.UserView enable(@PathVariable String username, CurrentUser user) {
        return users.setEnabled(username, true, user);
    }

    record PasswordChange(@NotNull String currentPassword, @NotNull String newPassword) {
    }

    record PasswordReset(@NotNull String password) {
    }

    @PostMapping("/me/password")
    @Operation(summary = "Change one's own password (the only call allowed while a password change is required)")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange r, CurrentUser user) {
        users.changeOwnPassword(user, r.currentPassword(), r.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/users/{username}/password")
    @Operation(summary = "Set a user's password (admin); the user must change it at the next sign-in")
    ResponseEntity<Void> resetPassword(@PathVariable String username, @Valid @RequestBody PasswordReset r,
            CurrentUser user) {
        users.resetPassword(username, r.password(), user);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user, role, scope and employeeNo if an agent")
    UserService.UserView me(CurrentUser user) {
        return users.me(user);
    }
}

package com.timebank.wfm.users;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
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
    ResponseEntity<List<UserService.UserView>> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, CurrentUser user) {
        Paging paging = Paging.of(page, size);
        return Paging.withTotal(users.users(paging.offset(), paging.size(), user), users.count());
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

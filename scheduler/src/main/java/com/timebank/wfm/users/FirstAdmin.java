package com.timebank.wfm.users;

import java.security.SecureRandom;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import com.timebank.wfm.security.Role;

/**
 * On the first start against an empty database, creates {@code admin} with {@code WFM_ADMIN_PASSWORD}, or with a
 * generated password printed once to the log (it is not stored anywhere else).
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserService users;
    private final String configuredPassword;

    FirstAdmin(UserService users, @Value("${WFM_ADMIN_PASSWORD:}") String configuredPassword) {
        this.users = users;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = !StringUtils.hasText(configuredPassword);
        String password = generated ? generate() : configuredPassword;
        // a generated password went through the log: it must be replaced at the first sign-in
        users.createUser(new UserService.NewUser("admin", password, Role.ADMIN, null, List.of(), List.of()), "system",
                generated);
        if (generated) {
            log.warn("\n\n  Created user 'admin' with the generated password: {}\n  It is shown only this once; "
                    + "set WFM_ADMIN_PASSWORD before the first start to choose it.\n  It must be changed at the first "
                    + "sign-in.\n", password);
        } else {
            log.info("Created user 'admin' with the password from WFM_ADMIN_PASSWORD");
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}

package com.timebank.wfm.audit;

import static com.timebank.wfm.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.jooq.Field;
import org.junit.jupiter.api.Test;

import com.timebank.wfm.db.DefaultSchema;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;

/**
 * Every column that records who did something ({@code actor}, {@code *_by}) holds the actor of the longest
 * username ({@code user:} and 64 characters): otherwise that user's every audited change, even signing in, fails.
 */
class ActorColumnsTest {

    @Test
    void everyActorColumnHoldsTheLongestUser() {
        int longest = new CurrentUser(1, "u".repeat(APP_USER.USERNAME.getDataType().length()), Role.ADMIN, null, null,
                null, null, Set.of(), Set.of(), Set.of()).actor().length();
        List<Field<?>> actors = DefaultSchema.DEFAULT_SCHEMA.getTables().stream().flatMap(t -> t.fieldStream())
                .filter(f -> f.getName().equals("actor") || f.getName().endsWith("_by")).toList();
        assertThat(actors).hasSizeGreaterThan(20);
        assertThat(actors).allSatisfy(f -> assertThat(f.getDataType().length()).as(f.getQualifiedName().toString())
                .isGreaterThanOrEqualTo(longest));
    }
}

package com.timebank.wfm.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.api.FieldError;

class PasswordRulesTest {

    private final PasswordRules rules = PasswordRules.standard();

    private List<String> codes(String username, String password) {
        return rules.check("password", username, password).stream().map(FieldError::code).toList();
    }

    @Test
    void twelveCharactersOrAPassphraseOfFourWords() {
        assertThat(codes("li", "short-pw-11")).containsExactly("range.password.too-short");
        assertThat(codes("li", "tide-orbit-7")).isEmpty();
        assertThat(codes("li", "red fox ran far")).isEmpty();
        assertThat(codes("li", "交通 银行 早上 咖啡")).isEmpty();
        assertThat(codes("li", "a b c d e f")).containsExactly("range.password.too-short");
        assertThat(codes("li", "")).containsExactly("range.password.too-short");
    }

    @Test
    void longPassphrasesUpToTheMaximumInCharactersNotBytes() {
        assertThat(codes("li", "长".repeat(30) + "口令短语很长很长")).isEmpty();
        assertThat(codes("li", "x1y2z3".repeat(170) + "abcd")).isEmpty();
        assertThat(codes("li", "长城万里天下第一".repeat(128))).isEmpty();
        assertThat(codes("li", "长城万里天下第一".repeat(128) + "a")).containsExactly("range.password.too-long");
    }

    @Test
    void notTheUsernameNorContainingIt() {
        assertThat(codes("wang.fang", "Wang.Fang-2024!")).containsExactly("range.password.contains-username");
        assertThat(codes("wang.fang", "wang.fang.x.y")).containsExactly("range.password.contains-username");
    }

    @Test
    void notACommonPasswordEvenWithDigitsAroundIt() {
        assertThat(codes("li", "winniethepooh")).containsExactly("range.password.common");
        assertThat(codes("li", "password123456")).containsExactly("range.password.common");
        assertThat(codes("li", "2024-sunshine!!")).containsExactly("range.password.common");
        assertThat(codes("li", "aaaaaaaaaaaaaa")).containsExactly("range.password.common");
        assertThat(codes("li", "121212121212")).containsExactly("range.password.common");
        assertThat(codes("li", "sunshine-on-the-river")).isEmpty();
    }
}

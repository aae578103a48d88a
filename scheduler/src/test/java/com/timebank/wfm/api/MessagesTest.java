package com.timebank.wfm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Service messages: codes with arguments, ICU plurals, English and Chinese from the same bundles. */
class MessagesTest {

    private final IcuMessageSource source = new IcuMessageSource();

    {
        source.setBasenames(IcuMessageSource.SERVICE_MESSAGES);
    }

    @Test
    void pluralsFollowTheNumberInEachLanguage() {
        assertThat(source.getMessage(Message.of("problem.invalid-fields", 1), Locale.ENGLISH)).isEqualTo("1 invalid field");
        assertThat(source.getMessage(Message.of("problem.invalid-fields", 3), Locale.ENGLISH))
                .isEqualTo("3 invalid fields");
        assertThat(source.getMessage(Message.of("problem.invalid-fields", 3), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("3 个字段无效");
    }

    @Test
    void exceptionsSayTheirReasonInEnglishAndKeepTheCode() {
        BusinessRuleException e = BusinessRuleException.of("range.date", "1999-12-31", "2000-01-01", "2028-12-01");
        assertThat(e.getMessage()).isEqualTo("1999-12-31 is outside the dates the service accepts (2000-01-01 to 2028-12-01)");
        assertThat(e.reason().code()).isEqualTo("range.date");
        assertThat(e.reason().args()).containsExactly("1999-12-31", "2000-01-01", "2028-12-01");
    }

    @Test
    void aNestedMessageIsRenderedInTheSameLanguage() {
        Message typed = Message.of("problem.json.wrong-type", "date", Message.of("type.date"));
        assertThat(source.getMessage(typed, Locale.ENGLISH)).isEqualTo("Wrong type for date: expected date (YYYY-MM-DD)");
        assertThat(source.getMessage(typed, Locale.SIMPLIFIED_CHINESE)).isEqualTo("date 的类型错误：应为日期（YYYY-MM-DD）");
    }

    @Test
    void datesAreIsoTextAndApostrophesStay() {
        assertThat(source.getMessage(Message.of("problem.parameter.invalid", "x", LocalDate.of(2026, 11, 20)),
                Locale.ENGLISH)).isEqualTo("'x' is not a valid 2026-11-20");
    }

    @Test
    void aTextWithoutArgumentsShowsOneApostrophe() {
        assertThat(source.getMessage("timeoff.only-team-lead-agent", null, Locale.ENGLISH))
                .isEqualTo("Only a team lead of the agent's team may decide on time-off requests");
        assertThat(ForbiddenException.of("availability.only-lead-or-planner").getMessage())
                .startsWith("Only the agent's team lead");
    }

    @Test
    void notFoundNamesTheKindOfRecord() {
        NotFoundException e = new NotFoundException("Time-off request", 12);
        assertThat(e.reason().code()).isEqualTo("not-found.time-off-request");
        assertThat(e.getMessage()).isEqualTo("Time-off request 12 not found");
    }

    @Test
    void aCodeMissingFromTheBundlesShowsAsItselfRatherThanFailing() {
        assertThat(new Message("no.such.code", null).english()).isEqualTo("no.such.code");
    }

    @Test
    void uploadErrorsKeepTheFirstLinesAndCountTheRest() {
        UploadErrors errors = new UploadErrors(3);
        for (int line = 10; line >= 2; line--) {
            errors.add(FieldError.atLine(line, "date", "range.date", "x", "y", "z"));
        }
        assertThat(errors.total()).isEqualTo(9);
        assertThat(errors.lines()).isEqualTo(9);
        assertThat(errors.listed()).extracting(FieldError::line).containsExactly(2, 3, 4);
        InvalidInputException refused = InvalidInputException.refusedFile(errors);
        assertThat(refused.total()).isEqualTo(9);
        assertThat(refused.getMessage()).isEqualTo(
                "The file was refused: 9 problems in 9 lines, the first 3 listed; nothing was imported");
        assertThat(refused.status().value()).isEqualTo(422);
    }
}

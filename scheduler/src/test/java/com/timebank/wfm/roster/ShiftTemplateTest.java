package com.timebank.wfm.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.api.FieldError;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.roster.solver.BreakRule;
import com.timebank.wfm.roster.solver.ShiftOption;

class ShiftTemplateTest {

    /** One day of 30-minute slots with a requirement from 09:00 to 17:00. */
    private static int[] openNineToFive() {
        int[] required = new int[48];
        for (int i = 18; i < 34; i++) {
            required[i] = 3;
        }
        return required;
    }

    @Test
    void builtInTemplatesFitTheOpeningHoursLikeBefore() {
        List<ShiftOption> options = ShiftTemplate.options(ShiftTemplate.defaults(), "general", openNineToFive(), 30);
        // 9 h and 8 h fit only at 09:00 (the earliest start on the 30-minute grid); 4 h from 09:00 to 13:00
        assertThat(options).extracting(ShiftOption::getId).containsExactly("general@09:00+540", "general@09:00+480",
                "general@09:00+240", "general@09:30+240", "general@10:00+240", "general@10:30+240", "general@11:00+240",
                "general@11:30+240", "general@12:00+240", "general@12:30+240", "general@13:00+240");
        ShiftOption nine = options.get(0);
        assertThat(nine.getBreakRule()).isEqualTo(BreakRule.standard(540, 60));
        assertThat(nine.getPaidMinutes()).isEqualTo(480);
        assertThat(options.get(2).getBreakRule()).isEqualTo(BreakRule.standard(240, 0));
    }

    @Test
    void explicitStartsBreakRulesAndQueues() {
        ShiftTemplate early = new ShiftTemplate("E8", null, 480, 60, 150, 270, 1, 10, LocalTime.of(7, 0),
                LocalTime.of(14, 0), 30);
        ShiftTemplate sales = new ShiftTemplate("S4", "sales", 240, 0, null, null, null, null, LocalTime.of(10, 0),
                LocalTime.of(12, 0), 60);
        List<ShiftOption> general = ShiftTemplate.options(List.of(early, sales), "general", openNineToFive(), 30);
        // every 30 min from 07:00 to 14:00: 15 starts; the sales template does not serve the general queue
        assertThat(general).hasSize(15).allSatisfy(o -> {
            assertThat(o.getLengthMinutes()).isEqualTo(480);
            assertThat(o.getBreakRule()).isEqualTo(new BreakRule(60, 150, 270, 1, 10));
        });
        assertThat(general.get(0).getStart()).isEqualTo(LocalTime.of(7, 0));
        assertThat(general.get(0).isEarly()).isTrue();
        assertThat(general.get(14).getStart()).isEqualTo(LocalTime.of(14, 0));
        assertThat(general.get(14).isLate()).isTrue();
        assertThat(ShiftTemplate.options(List.of(early, sales), "sales", openNineToFive(), 30))
                .extracting(ShiftOption::getId).contains("sales@10:00+240", "sales@11:00+240", "sales@12:00+240")
                .hasSize(18);
    }

    @Test
    void twoTemplatesOfTheSameLengthAndStartGetDistinctIds() {
        ShiftTemplate a = new ShiftTemplate("A", null, 480, 30, null, null, null, null, LocalTime.of(9, 0), null, null);
        ShiftTemplate b = new ShiftTemplate("B", null, 480, 60, null, null, null, null, LocalTime.of(9, 0), null, null);
        assertThat(ShiftTemplate.options(List.of(a, b), "general", openNineToFive(), 30))
                .extracting(ShiftOption::getId).containsExactly("general@09:00+480", "general@09:00+480/B");
    }

    @Test
    void validationListsEveryBadField() {
        List<ShiftTemplate> bad = new ArrayList<>();
        // not on the 15-minute grid, too long, meal window outside the shift, three short breaks
        bad.add(new ShiftTemplate("X", null, 780, 60, null, null, 3, 15, LocalTime.of(7, 10), null, null));
        bad.add(new ShiftTemplate("X", null, 480, 60, 100, 440, null, 2, LocalTime.of(9, 0), LocalTime.of(8, 0), 20));
        bad.add(new ShiftTemplate("late", null, 480, 0, 60, null, null, null, null, LocalTime.of(17, 0), null));
        bad.add(new ShiftTemplate(" ", null, 480, 480, null, null, null, null, null, null, null));
        Validation v = new Validation();
        ShiftTemplate.validate(bad, 15, v);
        assertThat(v.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "templates[0].lengthMinutes", "templates[0].shortBreaks", "templates[0].firstStart",
                "templates[1].code", "templates[1].mealWindowEnd", "templates[1].shortBreakMinutes",
                "templates[1].startEveryMinutes", "templates[1].lastStart",
                "templates[2].mealWindowStart", "templates[2].lastStart",
                "templates[3].code", "templates[3].mealBreakMinutes");
        Validation none = new Validation();
        ShiftTemplate.validate(List.of(), 30, none);
        assertThat(none.errors()).extracting(FieldError::field).containsExactly("templates");
        Validation ok = new Validation();
        ShiftTemplate.validate(ShiftTemplate.defaults(), 15, ok);
        assertThat(ok.hasErrors()).isFalse();
    }
}

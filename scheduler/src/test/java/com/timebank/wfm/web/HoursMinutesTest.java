package com.timebank.wfm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** Contracts and agent-hours are typed and read as hours and minutes, held as whole minutes or seconds. */
class HoursMinutesTest {

    private final org.springframework.format.Formatter<Integer> contract = HoursMinutes.Factory.FORMATTER;

    @Test
    void aContractIsTypedAsHoursAndMinutesOrBareHours() throws ParseException {
        assertThat(contract.parse("40:00", Locale.ENGLISH)).isEqualTo(2400);
        assertThat(contract.parse(" 37:30 ", Locale.ENGLISH)).isEqualTo(2250);
        assertThat(contract.parse("40", Locale.ENGLISH)).isEqualTo(2400);
        assertThat(contract.parse("37：30", Locale.SIMPLIFIED_CHINESE)).isEqualTo(2250);
        assertThat(contract.print(2250, Locale.ENGLISH)).isEqualTo("37:30");
        assertThat(contract.print(2400, Locale.ENGLISH)).isEqualTo("40:00");
    }

    @Test
    void textThatIsNoTimeOrHasSixtyMinutesIsRefused() {
        for (String bad : new String[] {"2,400", "40:60", "forty", "-1", "40:00:00"}) {
            assertThatThrownBy(() -> contract.parse(bad, Locale.ENGLISH)).as(bad).isInstanceOf(ParseException.class);
        }
    }

    @Test
    void agentHoursReadAsAClockRoundedToTheMinute() {
        PageFormat fmt = new PageFormat(new StaticMessageSource());
        assertThat(fmt.hoursMinutes(160 * 3600)).isEqualTo("160:00");
        assertThat(fmt.hoursMinutes(7 * 3600 + 5 * 60 + 29)).isEqualTo("7:05");
        assertThat(fmt.hoursMinutes(7 * 3600 + 5 * 60 + 30)).isEqualTo("7:06");
        assertThat(fmt.hoursMinutes(0)).isEqualTo("0:00");
    }
}

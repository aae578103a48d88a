package com.timebank.wfm.staffing.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.api.FieldError;
import com.timebank.wfm.api.InvalidInputException;

/** The one-off calculator's refusals: each names its field and says why with a code of the message bundles. */
class StaffingCalculationTest {

    private final StaffingService staffing = new StaffingService(null);

    private static StaffingService.Calculation calculation(double contacts, String maxOccupancy, Double patience) {
        return new StaffingService.Calculation(contacts, 1800, 600.0, new BigDecimal("0.8"), 20,
                maxOccupancy == null ? null : new BigDecimal(maxOccupancy), null, patience);
    }

    private static FieldError refusal(Runnable call) {
        InvalidInputException[] refused = new InvalidInputException[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e -> refused[0] = e);
        assertThat(refused[0].errors()).hasSize(1);
        return refused[0].errors().get(0);
    }

    @Test
    void anOccupancyCapThatWouldNeedMillionsOfAgentsNamesMaxOccupancy() {
        // 10,000 contacts × 600 s / 1800 s = 3,333 Erlangs; at most 0.01% occupancy needs over 33 million agents
        FieldError e = refusal(() -> staffing.calculate(calculation(10_000, "0.0001", null)));
        assertThat(e.field()).isEqualTo("maxOccupancy");
        assertThat(e.code()).isEqualTo("staffing.maxoccupancy-too-low");
        assertThat(e.message()).isEqualTo("maxOccupancy 0.0001 is too low for 3333.33 Erlangs: it would need more "
                + "than 10000000 agents");
        assertThat(staffing.calculate(calculation(10_000, "0.001", null)).agents()).isGreaterThan(3_333_333);
    }

    @Test
    void patienceTooLongForErlangAAtThisTrafficNamesPatienceSeconds() {
        // 3 million contacts × 600 s / 1800 s = a million Erlangs with callers waiting a day on average: Erlang C's case
        FieldError e = refusal(() -> staffing.calculate(calculation(3_000_000, null, 86_400.0)));
        assertThat(e.field()).isEqualTo("patienceSeconds");
        assertThat(e.code()).isEqualTo("staffing.patienceseconds-too-long-for-traffic");
        assertThat(e.message()).startsWith("patienceSeconds 86400 is too long for Erlang A at 1000000 Erlangs");
        assertThat(staffing.calculate(calculation(3_000_000, null, 600.0)).agents()).isPositive();
    }
}

package com.timebank.wfm.staffing.app;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.timebank.wfm.api.BusinessRuleException;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.org.CenterSettings;
import com.timebank.wfm.org.CenterSettingsService;
import com.timebank.wfm.staffing.ErlangA;
import com.timebank.wfm.staffing.ErlangC;
import com.timebank.wfm.staffing.StaffingCalculator;
import com.timebank.wfm.staffing.StaffingPolicy;
import com.timebank.wfm.staffing.StaffingRequirement;

/** Erlang C/A staffing as a service: one-off calculations and requirement series with a center's settings. */
@Service
public class StaffingService {

    private final CenterSettingsService settings;

    StaffingService(CenterSettingsService settings) {
        this.settings = settings;
    }

    /** Workload of one interval: expected contacts and AHT. */
    public record Demand(LocalDateTime start, double contacts, double ahtSeconds) {
    }

    public record IntervalRequirement(Demand demand, StaffingRequirement requirement) {
    }

    /** The staffing settings that apply from {@code from} (the first date of the series they were used for). */
    public record PolicyPeriod(LocalDate from, BigDecimal serviceLevelTarget, int serviceLevelSeconds,
            BigDecimal maxOccupancy, BigDecimal shrinkage, Double patienceSeconds) {
    }

    public record Requirements(int intervalMinutes, List<PolicyPeriod> policies, List<IntervalRequirement> intervals) {
    }

    /** A one-off calculation; omitted maxOccupancy and shrinkage take the defaults of workforce.md (85%, 30%). */
    public record Calculation(Double contacts, Integer intervalSeconds, Double ahtSeconds,
            BigDecimal serviceLevelTarget,
            Integer serviceLevelSeconds, BigDecimal maxOccupancy, BigDecimal shrinkage, Double patienceSeconds) {
    }

    public StaffingRequirement calculate(Calculation c) {
        Validation v = new Validation();
        v.require(c.contacts() != null, "contacts", "staffing.contacts-required");
        v.require(c.intervalSeconds() != null, "intervalSeconds", "staffing.intervalseconds-required");
        v.require(c.ahtSeconds() != null, "ahtSeconds", "staffing.ahtseconds-required");
        v.require(c.serviceLevelTarget() != null, "serviceLevelTarget", "staffing.serviceleveltarget-required");
        v.require(c.serviceLevelSeconds() != null, "serviceLevelSeconds", "staffing.servicelevelseconds-required");
        v.throwIfInvalid();
        // checked as the numbers the calculation uses: a decimal just below 1 (or above 0) may be 1.0 (0.0) as one
        double serviceLevelTarget = c.serviceLevelTarget().doubleValue();
        double maxOccupancy = c.maxOccupancy() == null ? StaffingPolicy.DEFAULT.maxOccupancy()
                : c.maxOccupancy().doubleValue();
        v.require(c.contacts() >= 0 && c.contacts() <= 10_000_000, "contacts", "staffing.contacts-between");
        v.require(c.intervalSeconds() >= 60 && c.intervalSeconds() <= 86_400, "intervalSeconds",
                "staffing.intervalseconds-between");
        v.require(c.ahtSeconds() > 0 && c.ahtSeconds() <= 86_400, "ahtSeconds", "staffing.ahtseconds-above-most");
        v.require(serviceLevelTarget > 0 && serviceLevelTarget < 1, "serviceLevelTarget",
                "staffing.serviceleveltarget-above-below-e");
        v.require(c.serviceLevelSeconds() >= 0 && c.serviceLevelSeconds() <= 3600, "serviceLevelSeconds",
                "staffing.servicelevelseconds-between");
        v.require(maxOccupancy > 0 && maxOccupancy <= 1, "maxOccupancy", "staffing.maxoccupancy-above-most");
        v.require(c.shrinkage() == null || c.shrinkage().signum() >= 0
                && c.shrinkage().compareTo(new BigDecimal("0.95")) <= 0, "shrinkage", "staffing.shrinkage-between");
        v.require(c.patienceSeconds() == null || c.patienceSeconds() > 0 && c.patienceSeconds() <= 86_400,
                "patienceSeconds", "staffing.patienceseconds-above-most");
        v.throwIfInvalid();
        double traffic = c.contacts() * c.ahtSeconds() / c.intervalSeconds();
        v.require(traffic <= ErlangC.MAX_TRAFFIC_ERLANGS, "contacts", "staffing.traffic-contacts-x-ahtseconds",
                (long) ErlangC.MAX_TRAFFIC_ERLANGS);
        v.throwIfInvalid();
        // the cap alone sets a floor of traffic / maxOccupancy agents
        v.require(traffic / maxOccupancy <= ErlangC.MAX_AGENTS, "maxOccupancy", "staffing.maxoccupancy-too-low",
                BigDecimal.valueOf(maxOccupancy).stripTrailingZeros().toPlainString(), traffic, ErlangC.MAX_AGENTS);
        v.throwIfInvalid();
        StaffingPolicy policy = StaffingPolicy.erlangC(serviceLevelTarget, c.serviceLevelSeconds(), maxOccupancy,
                c.shrinkage() == null ? StaffingPolicy.DEFAULT.shrinkage() : c.shrinkage().doubleValue());
        if (c.patienceSeconds() != null) {
            policy = policy.withPatience(c.patienceSeconds());
        }
        try {
            return new StaffingCalculator(policy).requirement(c.contacts(), c.ahtSeconds(), c.intervalSeconds());
        } catch (ErlangA.TooPatientException e) {
            throw InvalidInputException.of("patienceSeconds", "staffing.patienceseconds-too-long-for-traffic",
                    c.patienceSeconds(), traffic);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("request", e.getMessage());
        }
    }

    /**
     * Requirements of a series of intervals of a center, each with the service-level target, max occupancy and
     * shrinkage in force on its date; {@code patienceSeconds} switches from Erlang C to Erlang A.
     */
    public Requirements requirements(long centerId, int intervalMinutes, List<Demand> demands, Double patienceSeconds) {
        if (patienceSeconds != null && !(patienceSeconds > 0 && patienceSeconds <= 86_400)) {
            throw InvalidInputException.of("patienceSeconds", "staffing.patienceseconds-above-most-2");
        }
        Map<LocalDate, CenterSettings> byDate = new HashMap<>();
        Map<CenterSettings, StaffingCalculator> calculators = new LinkedHashMap<>();
        List<PolicyPeriod> periods = new ArrayList<>();
        List<IntervalRequirement> out = new ArrayList<>(demands.size());
        double intervalSeconds = intervalMinutes * 60.0;
        for (Demand d : demands) {
            LocalDate date = d.start().toLocalDate();
            CenterSettings s = byDate.computeIfAbsent(date, x -> settings.on(centerId, x));
            StaffingCalculator calculator = calculators.get(s);
            if (calculator == null) {
                StaffingPolicy policy = StaffingPolicy.erlangC(s.serviceLevelTarget().doubleValue(),
                        s.serviceLevelSeconds(), s.maxOccupancy().doubleValue(), s.shrinkage().doubleValue());
                calculator = new StaffingCalculator(patienceSeconds == null ? policy : policy.withPatience(patienceSeconds));
                calculators.put(s, calculator);
                periods.add(new PolicyPeriod(date, s.serviceLevelTarget().stripTrailingZeros(), s.serviceLevelSeconds(),
                        s.maxOccupancy().stripTrailingZeros(), s.shrinkage().stripTrailingZeros(), patienceSeconds));
            }
            try {
                out.add(new IntervalRequirement(d, calculator.requirement(d.contacts(), d.ahtSeconds(),
                        intervalSeconds)));
            } catch (ErlangA.TooPatientException e) {
                throw InvalidInputException.of("patienceSeconds", "staffing.patienceseconds-too-long-for-traffic",
                        patienceSeconds, ErlangC.trafficErlangs(d.contacts(), d.ahtSeconds(), intervalSeconds));
            } catch (IllegalArgumentException e) {
                throw BusinessRuleException.of("staffing.cannot-staff-interval", d.start(), e.getMessage());
            }
        }
        return new Requirements(intervalMinutes, periods, out);
    }
}

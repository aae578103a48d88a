package com.timebank.wfm.org;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditDetail;

/** A partial change of center settings; fields left out keep the value in force on {@code effectiveFrom}. */
public record SettingsChange(
        LocalDate effectiveFrom,
        BigDecimal auxTarget,
        Map<String, BigDecimal> overtimeRates,
        BigDecimal bonusCapRatio,
        Integer idleDayQuota,
        Integer busyDayQuota,
        BusyDays busyDays,
        List<LocalDate> specialBusyDates,
        Integer monthCloseDay,
        Integer minNoticeDays,
        BigDecimal serviceLevelTarget,
        Integer serviceLevelSeconds,
        BigDecimal maxOccupancy,
        BigDecimal shrinkage,
        QuotaMode quotaMode,
        Integer standardDayMinutes) {

    public record BusyDays(Integer firstDays, Integer lastDays) {
    }

    /**
     * The time-bank economics that only an admin sets (timebank.md, "Who may do what"): what aux time earns, the
     * interest on emergency overtime, the bonus cap, when months close and the standard paid day that turns balances
     * into agent-days. Quotas, the busy-day calendar and the
     * staffing targets are the planner's.
     */
    public List<String> adminOnlyFields() {
        List<String> fields = new java.util.ArrayList<>();
        if (auxTarget != null) {
            fields.add("auxTarget");
        }
        if (overtimeRates != null && !overtimeRates.isEmpty()) {
            fields.add("overtimeRates");
        }
        if (bonusCapRatio != null) {
            fields.add("bonusCapRatio");
        }
        if (monthCloseDay != null) {
            fields.add("monthCloseDay");
        }
        if (standardDayMinutes != null) {
            fields.add("standardDayMinutes");
        }
        return fields;
    }

    /**
     * The fields this change sets and their new values, as the audit trail shows them ("aux allowance 3.7%"), in
     * the order of the record; fields left out are not named.
     */
    public List<Message> audited() {
        List<Message> set = new java.util.ArrayList<>();
        add(set, "auxTarget", auxTarget);
        if (overtimeRates != null) {
            new java.util.TreeMap<>(overtimeRates).forEach((level, rate) -> set.add(
                    Message.of("audit.setting.overtimeRate", level, rate)));
        }
        add(set, "bonusCapRatio", bonusCapRatio);
        add(set, "idleDayQuota", idleDayQuota);
        add(set, "busyDayQuota", busyDayQuota);
        if (busyDays != null) {
            add(set, "busyFirstDays", busyDays.firstDays());
            add(set, "busyLastDays", busyDays.lastDays());
        }
        if (specialBusyDates != null) {
            set.add(Message.of("audit.setting.specialBusyDates",
                    AuditDetail.list(specialBusyDates.stream().distinct().sorted().toList())));
        }
        add(set, "monthCloseDay", monthCloseDay);
        add(set, "minNoticeDays", minNoticeDays);
        add(set, "serviceLevelTarget", serviceLevelTarget);
        add(set, "serviceLevelSeconds", serviceLevelSeconds);
        add(set, "maxOccupancy", maxOccupancy);
        add(set, "shrinkage", shrinkage);
        if (quotaMode != null) {
            set.add(Message.of("audit.setting.quotaMode", Message.of("planner.quota.mode." + quotaMode)));
        }
        add(set, "standardDayMinutes", standardDayMinutes);
        return set;
    }

    private static void add(List<Message> set, String field, Object value) {
        if (value != null) {
            set.add(Message.of("audit.setting." + field, value));
        }
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal MIN_RATE = new BigDecimal("0.30");
    private static final BigDecimal MAX_RATE = new BigDecimal("0.60");
    /** Above it an agent could idle a fifth of the day and still earn time; the seed's band is 2.53%–3.7%. */
    private static final BigDecimal MAX_AUX_TARGET = new BigDecimal("0.20");
    /** A paid day of 1 h to 12 h: shorter or longer is no working day of a contact center. */
    static final int MIN_STANDARD_DAY_MINUTES = 60;
    static final int MAX_STANDARD_DAY_MINUTES = 720;
    /**
     * Decimals the settings keep (DECIMAL(7,6)): the database would round a longer one, possibly out of the range
     * checked here (a service level of 0.9999999 stored as 1).
     */
    static final int DECIMALS = 6;

    /** The complete settings this change produces over {@code base}, or field errors in {@code v}. */
    public CenterSettings applyTo(CenterSettings base, LocalDate from, Validation v) {
        decimals(v, "auxTarget", auxTarget);
        decimals(v, "bonusCapRatio", bonusCapRatio);
        decimals(v, "serviceLevelTarget", serviceLevelTarget);
        decimals(v, "maxOccupancy", maxOccupancy);
        decimals(v, "shrinkage", shrinkage);
        BigDecimal aux = pick(auxTarget, base.auxTarget());
        v.require(aux.compareTo(ZERO) > 0 && aux.compareTo(MAX_AUX_TARGET) <= 0, "auxTarget", "number.above-at-most",
                "auxTarget", "0", MAX_AUX_TARGET.toPlainString());
        BigDecimal[] rates = {base.overtimeRate1(), base.overtimeRate2(), base.overtimeRate3()};
        if (overtimeRates != null) {
            overtimeRates.forEach((level, rate) -> {
                int l = switch (level) {
                    case "1" -> 1;
                    case "2" -> 2;
                    case "3" -> 3;
                    default -> 0;
                };
                if (l == 0) {
                    v.require(false, "overtimeRates", "emergency.level.invalid", level);
                } else if (rate == null || rate.compareTo(MIN_RATE) < 0 || rate.compareTo(MAX_RATE) > 0) {
                    v.require(false, "overtimeRates." + level, "number.between", "overtimeRates." + level,
                            MIN_RATE.toPlainString(), MAX_RATE.toPlainString());
                } else if (decimals(v, "overtimeRates." + level, rate)) {
                    rates[l - 1] = rate;
                }
            });
        }
        BigDecimal cap = pick(bonusCapRatio, base.bonusCapRatio());
        v.require(cap.compareTo(ZERO) >= 0 && cap.compareTo(new BigDecimal("0.10")) <= 0, "bonusCapRatio",
                "number.between", "bonusCapRatio", "0", "0.10");
        int idle = pick(idleDayQuota, base.idleDayQuota());
        int busy = pick(busyDayQuota, base.busyDayQuota());
        v.require(idle >= 0 && idle <= 10_000, "idleDayQuota", "number.between", "idleDayQuota", 0, 10_000);
        v.require(busy >= 0 && busy <= 10_000, "busyDayQuota", "number.between", "busyDayQuota", 0, 10_000);
        int first = busyDays == null ? base.busyFirstDays() : pick(busyDays.firstDays(), base.busyFirstDays());
        int last = busyDays == null ? base.busyLastDays() : pick(busyDays.lastDays(), base.busyLastDays());
        v.require(first >= 0 && first <= 14, "busyDays.firstDays", "number.between", "busyDays.firstDays", 0, 14);
        v.require(last >= 0 && last <= 14, "busyDays.lastDays", "number.between", "busyDays.lastDays", 0, 14);
        int close = pick(monthCloseDay, base.monthCloseDay());
        v.require(close >= 1 && close <= 28, "monthCloseDay", "settings.month-close-day.range", 1, 28);
        int notice = pick(minNoticeDays, base.minNoticeDays());
        v.require(notice >= 0 && notice <= 90, "minNoticeDays", "number.between", "minNoticeDays", 0, 90);
        BigDecimal sl = pick(serviceLevelTarget, base.serviceLevelTarget());
        v.require(sl.compareTo(ZERO) > 0 && sl.compareTo(ONE) < 0, "serviceLevelTarget", "number.above-below",
                "serviceLevelTarget", "0", "1");
        int slSeconds = pick(serviceLevelSeconds, base.serviceLevelSeconds());
        v.require(slSeconds >= 1 && slSeconds <= 3600, "serviceLevelSeconds", "number.between", "serviceLevelSeconds",
                1, 3600);
        BigDecimal occupancy = pick(maxOccupancy, base.maxOccupancy());
        v.require(occupancy.compareTo(ZERO) > 0 && occupancy.compareTo(ONE) <= 0, "maxOccupancy",
                "number.above-at-most", "maxOccupancy", "0", "1");
        BigDecimal shrink = pick(shrinkage, base.shrinkage());
        v.require(shrink.compareTo(ZERO) >= 0 && shrink.compareTo(new BigDecimal("0.95")) <= 0, "shrinkage",
                "number.between", "shrinkage", "0", "0.95");
        int standardDay = pick(standardDayMinutes, base.standardDayMinutes());
        v.require(standardDay >= MIN_STANDARD_DAY_MINUTES && standardDay <= MAX_STANDARD_DAY_MINUTES,
                "standardDayMinutes", "number.between", "standardDayMinutes", MIN_STANDARD_DAY_MINUTES,
                MAX_STANDARD_DAY_MINUTES);
        return new CenterSettings(from, aux, rates[0], rates[1], rates[2], cap, idle, busy, first, last, close, notice,
                sl, slSeconds, occupancy, shrink, pick(quotaMode, base.quotaMode()), standardDay);
    }

    /** Whether the value (if given) has at most {@link #DECIMALS} decimals; if not, the field's error is added. */
    private static boolean decimals(Validation v, String field, BigDecimal value) {
        boolean ok = value == null || value.stripTrailingZeros().scale() <= DECIMALS;
        v.require(ok, field, "number.decimals", field, DECIMALS);
        return ok;
    }

    private static <T> T pick(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** How settings are shown: decimals as strings, as the API conventions say. */
    public record View(
            String centerCode,
            LocalDate effectiveFrom,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal auxTarget,
            Map<String, String> overtimeRates,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal bonusCapRatio,
            int idleDayQuota,
            int busyDayQuota,
            BusyDays busyDays,
            List<LocalDate> specialBusyDates,
            int monthCloseDay,
            int minNoticeDays,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal serviceLevelTarget,
            int serviceLevelSeconds,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal maxOccupancy,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal shrinkage,
            QuotaMode quotaMode,
            int standardDayMinutes) {

        public static View of(String centerCode, CenterSettings s, List<LocalDate> specialBusyDates) {
            return new View(centerCode, s.effectiveFrom(), s.auxTarget().stripTrailingZeros(),
                    new java.util.TreeMap<>(Map.of("1", plain(s.overtimeRate1()), "2", plain(s.overtimeRate2()),
                            "3", plain(s.overtimeRate3()))),
                    s.bonusCapRatio().stripTrailingZeros(), s.idleDayQuota(), s.busyDayQuota(),
                    new BusyDays(s.busyFirstDays(), s.busyLastDays()), specialBusyDates, s.monthCloseDay(),
                    s.minNoticeDays(), s.serviceLevelTarget().stripTrailingZeros(), s.serviceLevelSeconds(),
                    s.maxOccupancy().stripTrailingZeros(), s.shrinkage().stripTrailingZeros(), s.quotaMode(),
                    s.standardDayMinutes());
        }

        private static String plain(BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
    }
}
